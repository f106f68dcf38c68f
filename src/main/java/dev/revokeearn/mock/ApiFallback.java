package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.revokeearn.api.ApiCall;
import dev.revokeearn.api.Operation;
import dev.revokeearn.api.RequestIds;
import dev.revokeearn.service.Answer;
import dev.revokeearn.wiremock.api.Answers;
import dev.revokeearn.wiremock.api.HandedOver;
import dev.revokeearn.wiremock.api.ReferenceApi;
import dev.revokeearn.wiremock.api.Routes;
import dev.revokeearn.wiremock.api.WireMockCalls;
import java.util.Optional;

/**
 * The standalone mock's routing: every request that no user stub matched is the reference
 * implementation's, routed by {@link Routes} (the same table a user's WireMock takes as stubs). It
 * is not a stub itself, so nothing done to WireMock's stubs (reset, delete all, import) can take
 * the API away, and any user stub, whatever its priority, wins over it. (The direct route answers
 * most API requests before they get here: those no user stub matches.)
 */
final class ApiFallback implements ResponseDefinitionTransformerV2 {
  private final ReferenceApi api;
  private final Routes routes;
  private final HandedOver handedOver;

  ApiFallback(ReferenceApi api, Routes routes, HandedOver handedOver) {
    this.api = api;
    this.routes = routes;
    this.handedOver = handedOver;
  }

  @Override
  public String getName() {
    return "revoke-earn-fallback";
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    HandedOver.Decided decided = handedOver.take();
    if (serveEvent.getWasMatched()) {
      // A user's stub answers. (One added since the direct route decided still wins: a stub and a
      // request that race have no order.)
      return serveEvent.getResponseDefinition();
    }
    ApiCall call = decided != null ? decided.call() : WireMockCalls.of(serveEvent.getRequest());
    Optional<Operation> routed = routes.at(call.path());
    Answer answer = decided != null ? decided.answer() : api.answer(call, routed);
    api.record(call, routed, answer);
    return Answers.definition(answer, RequestIds.next());
  }
}
