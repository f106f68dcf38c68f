package dev.revokeearn.service;

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

  /** The first value of a request header, matched case-insensitively; null when absent. */
  public String header(String name) {
    return headers.entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty())
        .map(header -> header.getValue().get(0))
        .findFirst()
        .orElse(null);
  }
}
