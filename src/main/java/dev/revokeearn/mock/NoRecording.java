package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.extension.requestfilter.AdminRequestFilterV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.revokeearn.service.ApiProblem;
import dev.revokeearn.wiremock.admin.AdminAnswers;

/**
 * WireMock's recorder turns every request into a proxied one, until it stops: the API would then be
 * whatever the target answers (a plain-text 500 when it cannot be reached), not the reference
 * implementation. This mock refuses to record; a proxy stub of your own still proxies its requests.
 */
final class NoRecording implements AdminRequestFilterV2 {
  @Override
  public String getName() {
    return "revoke-earn-no-recording";
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    String path = request.getUrl().split("\\?", 2)[0];
    String below = path.startsWith("/__admin") ? path.substring("/__admin".length()) : path;
    if (request.getMethod().equals(RequestMethod.POST)
        && (below.startsWith("/recordings/start") || below.startsWith("/recordings/snapshot"))) {
      return RequestFilterAction.stopWith(
          AdminAnswers.problem(
              new ApiProblem(
                  403,
                  403,
                  "Recording is off in this mock: it would answer the API with a proxy instead of"
                      + " the reference implementation. A stub of your own with proxyBaseUrl"
                      + " proxies what it matches.",
                  null)));
    }
    return RequestFilterAction.continueWith(request);
  }
}
