package dev.revokeearn.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A request as the mock reads it, whatever served it (WireMock, the standalone's own route, a
 * test): taken once at the edge, headers copied once, the body read and decoded once. Only the
 * contract gate turns it into the validator's type.
 *
 * <pre>{@code
 * ApiCall call = new ApiCall("POST", "/api_gateway/v1/badges/customer/revokeEarn",
 *     Map.of("Content-Type", List.of("application/json")), body);
 * }</pre>
 */
public final class ApiCall {
  private final String method;
  private final String url;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private String text;

  /**
   * @param url the path as sent, with {@code ?query} when there is one
   * @param headers names as sent, in order, each with all its values
   * @param body as sent, after any Content-Encoding is undone
   */
  public ApiCall(String method, String url, Map<String, List<String>> headers, byte[] body) {
    this.method = method;
    this.url = url;
    this.headers = headers;
    this.body = body;
  }

  public String method() {
    return method;
  }

  public String url() {
    return url;
  }

  public Map<String, List<String>> headers() {
    return headers;
  }

  public byte[] body() {
    return body;
  }

  /** The URL's path, without its query. */
  public String path() {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  /** The query as sent, without the '?'; null when there is none. */
  public String query() {
    int query = url.indexOf('?');
    return query < 0 ? null : url.substring(query + 1);
  }

  /** Every value of a header, whatever the case of its name. */
  public List<String> headers(String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return List.of();
  }

  /** A header's first value, whatever the case of its name; null when it was not sent. */
  public String header(String name) {
    List<String> values = headers(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** The body as UTF-8 text (Capillary's charset), decoded once. */
  public String text() {
    String decoded = text;
    if (decoded == null) {
      decoded = new String(body, StandardCharsets.UTF_8);
      text = decoded;
    }
    return decoded;
  }

  /** This request at another URL, with or without its body (the admin contract reads some). */
  public ApiCall at(String otherUrl, boolean keepBody) {
    return new ApiCall(method, otherUrl, headers, keepBody ? body : new byte[0]);
  }

  /** The charset a Content-Type names when Java does not know it; null otherwise. */
  public static String unknownCharset(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String parameter : contentType.split(";")) {
      String[] pair = parameter.split("=", 2);
      if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
        String name = pair[1].strip().replace("\"", "");
        try {
          if (!name.isEmpty() && !java.nio.charset.Charset.isSupported(name)) {
            return name;
          }
        } catch (java.nio.charset.IllegalCharsetNameException e) {
          return name;
        }
      }
    }
    return null;
  }
}
