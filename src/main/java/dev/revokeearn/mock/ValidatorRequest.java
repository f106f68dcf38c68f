package dev.revokeearn.mock;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates a request ({@link ApiCall}, or WireMock's for the admin API) into
 * swagger-request-validator's model at the edge, so the rooms beneath never see a WireMock type. Nothing a client sends can make it throw: the URL is split by
 * hand (a {@code |} or {@code {} in a query is no URI, but still a request to answer), and a bad
 * percent-escape is kept as sent. The body is kept as a string, which can be read many times.
 */
final class ValidatorRequest {
  private ValidatorRequest() {}

  static Request of(ApiCall call) {
    SimpleRequest.Builder builder = new SimpleRequest.Builder(call.method(), call.path());
    if (call.body().length > 0) {
      builder.withBody(new String(call.body(), StandardCharsets.UTF_8));
    }
    call.headers().forEach(builder::withHeader);
    query(call.url()).forEach(builder::withQueryParam);
    return builder.build();
  }

  /**
   * @param root what to put before the URL's path: WireMock hands admin requests over without their
   *     {@code /__admin}
   * @param withBody false for a request whose body is its endpoint's own to read
   */
  static Request of(
      com.github.tomakehurst.wiremock.http.Request request, String root, boolean withBody) {
    ApiCall call = ApiCall.of(request);
    return of(
        new ApiCall(
            call.method(),
            root + call.url(),
            call.headers(),
            withBody ? call.body() : new byte[0]));
  }

  /** The path of a request URL, without its query. */
  static String path(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  private static Map<String, List<String>> query(String url) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    int start = url.indexOf('?');
    if (start < 0) {
      return params;
    }
    for (String pair : url.substring(start + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text; // a bad escape: the text as sent
    }
  }
}
