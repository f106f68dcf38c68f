package dev.revokeearn.mock.direct;

import dev.revokeearn.api.ApiCall;
import dev.revokeearn.mock.http.BufferedBody;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;

/**
 * A servlet request as WireMock's request adapter reads it: header fields in order, grouped by name
 * whatever its case under the first spelling (Content-Encoding left out when the edge inflated the
 * body, as it hides it from WireMock too); the URL as sent (the mock's servlet context is at the
 * root).
 */
final class ServletCalls {
  private ServletCalls() {}

  static ApiCall of(BufferedBody request) {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpField field : Request.getBaseRequest(request).getHttpFields()) {
      String name = field.getName().toLowerCase(Locale.ROOT);
      if (request.decoded() && name.equals("content-encoding")) {
        continue;
      }
      byName
          .computeIfAbsent(
              name, key -> headers.computeIfAbsent(field.getName(), n -> new ArrayList<>()))
          .add(field.getValue());
    }
    String query = request.getQueryString();
    String url = request.getRequestURI() + (query == null || query.isEmpty() ? "" : "?" + query);
    return new ApiCall(request.getMethod(), url, headers, request.body());
  }
}
