package dev.revokeearn.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.requestfilter.AdminRequestFilterV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.revokeearn.service.ApiProblem;
import dev.revokeearn.wiremock.admin.AdminAnswers;
import java.io.IOException;

/**
 * WireMock takes a stub with any number as its status and then writes a status line no client can
 * read ({@code HTTP/1.1 99999}). A stub posted, put or imported with a status outside 100-599 is
 * refused instead; the rest of the stub is WireMock's to check.
 */
final class StubStatusCheck implements AdminRequestFilterV2 {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String getName() {
    return "revoke-earn-stub-status";
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    String path = request.getUrl().split("\\?", 2)[0];
    String below = path.startsWith("/__admin") ? path.substring("/__admin".length()) : path;
    boolean writesStubs =
        (request.getMethod().equals(RequestMethod.POST)
                && (below.equals("/mappings") || below.equals("/mappings/import")))
            || (request.getMethod().equals(RequestMethod.PUT) && below.startsWith("/mappings/"));
    if (!writesStubs) {
      return RequestFilterAction.continueWith(request);
    }
    JsonNode body;
    try {
      body = JSON.readTree(request.getBody());
    } catch (IOException | RuntimeException e) {
      return RequestFilterAction.continueWith(request); // WireMock says what is wrong with it
    }
    for (JsonNode mapping : stubs(body)) {
      JsonNode status = mapping.path("response").path("status");
      if (status.isNumber() && (status.asLong() < 100 || status.asLong() > 599)) {
        return RequestFilterAction.stopWith(
            AdminAnswers.problem(
                new ApiProblem(
                    422,
                    422,
                    "response.status must be an HTTP status from 100 to 599, got "
                        + status.asText(),
                    "response.status")));
      }
    }
    return RequestFilterAction.continueWith(request);
  }

  /** The stubs of a request body: an import's "mappings", or the one stub it is. */
  private static Iterable<JsonNode> stubs(JsonNode body) {
    if (body == null) {
      return java.util.List.of();
    }
    JsonNode mappings = body.get("mappings");
    return mappings != null && mappings.isArray() ? mappings : java.util.List.of(body);
  }
}
