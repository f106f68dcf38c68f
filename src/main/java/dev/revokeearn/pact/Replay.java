package dev.revokeearn.pact;

import au.com.dius.pact.core.matchers.Mismatch;
import au.com.dius.pact.core.matchers.ResponseMatching;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.Response;
import au.com.dius.pact.core.model.generators.GeneratorTestMode;
import dev.revokeearn.mock.RevokeEarnMock;
import dev.revokeearn.mockstate.ProviderStateException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One interaction replayed against the reference implementation, as a Pact verifier would: its
 * provider states set up (their values available to the request's {@code fromProviderState}), the
 * request sent over HTTP, the answer compared with the expected one by Pact's own matching rules,
 * the states torn down.
 */
final class Replay {
  /** Headers HttpClient sets itself and refuses from a caller. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final RevokeEarnMock mock;
  private final HttpClient http;
  private final Duration timeout;

  Replay(RevokeEarnMock mock, Duration timeout) {
    this.mock = mock;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** What the answer did not match, each a line; and the answer itself, in {@code actual}. */
  List<String> mismatches(
      List<ProviderState> states, IRequest request, IResponse expected, StringBuilder actual)
      throws InterruptedException {
    Map<String, Object> values = new HashMap<>();
    try {
      for (ProviderState state : states) {
        values.putAll(mock.state().providerStates().setUp(state.getName(), state.getParams()));
      }
    } catch (ProviderStateException e) {
      return List.of("provider state: " + e.getMessage());
    }
    try {
      Map<String, Object> context = new HashMap<>();
      context.put("providerState", values);
      IRequest generated = request.generatedRequest(context, GeneratorTestMode.Provider);
      Response answer = send(generated);
      actual.append(answer.getStatus()).append(' ').append(answer.getBody().valueAsString());
      List<String> lines = new ArrayList<>();
      for (Mismatch mismatch : ResponseMatching.responseMismatches(expected, answer)) {
        lines.add(mismatch.description());
      }
      return lines;
    } catch (IOException e) {
      return List.of("no answer: " + e.getMessage());
    } finally {
      for (ProviderState state : states) {
        mock.state().providerStates().tearDown(state.getName(), state.getParams());
      }
    }
  }

  private Response send(IRequest request) throws IOException, InterruptedException {
    StringBuilder url = new StringBuilder(mock.baseUrl()).append(request.getPath());
    String separator = "?";
    for (Map.Entry<String, List<String>> param : request.getQuery().entrySet()) {
      for (String value : param.getValue()) {
        url.append(separator)
            .append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8))
            .append('=')
            .append(value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8));
        separator = "&";
      }
    }
    byte[] body = request.getBody().isPresent() ? request.getBody().getValue() : new byte[0];
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(url.toString()))
            .timeout(timeout)
            .method(
                request.getMethod().toUpperCase(java.util.Locale.ROOT),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    request
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
              }
            });
    HttpResponse<byte[]> answer =
        http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    Map<String, List<String>> headers = new LinkedHashMap<>(answer.headers().map());
    String type = answer.headers().firstValue("Content-Type").orElse("application/json");
    return new Response(
        answer.statusCode(), headers, OptionalBody.body(answer.body(), new ContentType(type)));
  }
}
