package dev.revokeearn.wiremock.api;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import dev.revokeearn.api.ApiCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** WireMock's request as the mock reads it: taken once, at the edge. */
public final class WireMockCalls {
  private WireMockCalls() {}

  public static ApiCall of(Request request) {
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
}
