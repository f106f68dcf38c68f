package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;

/**
 * An API request as the reference implementation reads it, taken once at the edge from WireMock's
 * request or from the servlet's: the headers are copied once, and the body is read once.
 *
 * @param url the path as sent, with {@code ?query} when there is one
 * @param headers names as sent, in order, each with all its values
 */
record ApiCall(String method, String url, Map<String, List<String>> headers, byte[] body) {

  static ApiCall of(Request request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader header : request.getHeaders().all()) {
      headers.put(header.key(), header.values());
    }
    byte[] body = request.getBody();
    return new ApiCall(
        request.getMethod().getName(),
        request.getUrl(),
        headers,
        body == null ? new byte[0] : body);
  }

  /**
   * As WireMock's request adapter reads it: header fields in order, grouped by name whatever its
   * case under the first spelling; the URL as sent (the mock's servlet context is at the root).
   */
  static ApiCall of(HttpServletRequest request, byte[] body) {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpField field : ((org.eclipse.jetty.server.Request) request).getHttpFields()) {
      byName
          .computeIfAbsent(
              field.getName().toLowerCase(Locale.ROOT),
              name -> headers.computeIfAbsent(field.getName(), n -> new ArrayList<>()))
          .add(field.getValue());
    }
    String query = request.getQueryString();
    String url = request.getRequestURI() + (query == null || query.isEmpty() ? "" : "?" + query);
    return new ApiCall(request.getMethod(), url, headers, body);
  }

  String path() {
    return ValidatorRequest.path(url);
  }
}
