package dev.revokeearn.mockstate;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request an org received and the answer it got, for a test to assert on ("the client revoked
 * exactly once, with these headers").
 *
 * @param operation the contract's operationId ({@code revokeEarn}, {@code earnBadge}, {@code
 *     generateOAuthToken})
 * @param headers the request's headers as sent, in the order sent, credentials included
 * @param status the answer's status; 0 when a fault ended the connection before anything was
 *     applied
 * @param errorCodes the Capillary error codes of the answer; empty for a success
 * @param fault the type of the declared fault that fired for the request ({@code error}, {@code
 *     delay}, {@code applied-then-reset}, ...), null when none did
 */
public record Exchange(
    Instant at,
    String operation,
    String method,
    String path,
    Map<String, List<String>> headers,
    String body,
    int status,
    List<Long> errorCodes,
    String responseBody,
    String fault) {

  public Exchange {
    Map<String, List<String>> inOrderSent = new LinkedHashMap<>();
    headers.forEach((name, values) -> inOrderSent.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(inOrderSent);
    errorCodes = List.copyOf(errorCodes);
  }

  /** How much of a body the log keeps: far more than any request of the contract's needs. */
  public static final int KEPT_CHARS = 8192;

  /** A body as the log keeps it: whole up to {@value #KEPT_CHARS} characters, else their prefix. */
  public static String kept(String body) {
    return body.length() <= KEPT_CHARS
        ? body
        : body.substring(0, KEPT_CHARS) + "[... " + body.length() + " characters in all]";
  }

  /** About how many bytes this exchange holds, for the log's budget. */
  long size() {
    long size = 200L + body.length() + responseBody.length() + path.length();
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      size += header.getKey().length();
      for (String value : header.getValue()) {
        size += value.length();
      }
    }
    return size;
  }

  /** The first value of a request header, matched case-insensitively; null when absent. */
  public String header(String name) {
    return headers.entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty())
        .map(header -> header.getValue().get(0))
        .findFirst()
        .orElse(null);
  }
}
