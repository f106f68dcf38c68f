package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.revokeearn.service.ApiPipeline;

/**
 * The reference implementation answers every request that no user stub matched. It is not a stub
 * itself, so nothing done to WireMock's stubs (reset, delete all, import) can take the API away,
 * and any user stub, whatever its priority, wins over it. ({@link DirectRoute} answers most API
 * requests before they get here, when there are no user stubs.)
 */
final class ApiRouter implements ResponseDefinitionTransformerV2 {
  static final String NAME = "revoke-earn-api";

  /** Marks our answers, so {@link RequestIdStamp} can tell them from users' stubs. */
  static final String MARKER = "revoke-earn";

  private final ReferenceApi api;
  private final HandedOver handedOver;

  ApiRouter(ReferenceApi api, HandedOver handedOver) {
    this.api = api;
    this.handedOver = handedOver;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    HandedOver.Decided decided = handedOver.take();
    if (serveEvent.getWasMatched()) {
      // A user's stub answers. (One added since DirectRoute decided still wins: a stub and a
      // request that race have no order.)
      return serveEvent.getResponseDefinition();
    }
    if (decided == null) {
      ApiCall call = ApiCall.of(serveEvent.getRequest());
      decided = new HandedOver.Decided(call, api.answer(call));
    }
    api.record(decided.call(), decided.answer());
    return definition(decided.answer());
  }

  /** The answer as WireMock's response definition, marked as ours, with its fault's effect. */
  static ResponseDefinition definition(ApiPipeline.Answer answer) {
    ResponseDefinitionBuilder response =
        new ResponseDefinitionBuilder()
            .withStatus(answer.status())
            .withHeader("Content-Type", "application/json")
            .withBody(answer.json())
            .withTransformerParameter(MARKER, true);
    answer.headers().forEach(response::withHeader);
    if (answer.fault() != null) {
      FaultEffects.apply(answer.fault(), response);
    }
    return response.build();
  }
}
