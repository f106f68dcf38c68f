package dev.revokeearn.gate;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import dev.revokeearn.api.ApiCall;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link ApiCall} in swagger-request-validator's model, the one place the validator's type is
 * made. Nothing a client sends can make it throw: the query is split by hand (a {@code |} or {@code
 * {} in a query is no URI, but still a request to answer), and a bad percent-escape is kept as
 * sent.
 */
final class ValidatorRequest {
  private ValidatorRequest() {}

  static Request of(ApiCall call) {
    SimpleRequest.Builder builder = new SimpleRequest.Builder(call.method(), call.path());
    if (call.body().length > 0) {
      builder.withBody(call.text());
    }
    call.headers().forEach(builder::withHeader);
    query(call.query()).forEach(builder::withQueryParam);
    return builder.build();
  }

  private static Map<String, List<String>> query(String query) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (query == null) {
      return params;
    }
    for (String pair : query.split("&")) {
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
