package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.revokeearn.service.ApiPipeline;
import dev.revokeearn.service.Operation;

/**
 * Hands a matched request to the reference implementation. The stub mapping names the operation in
 * its {@code transformerParameters}, so routing stays in {@code mappings/}, in WireMock's own
 * format.
 */
final class ApiTransformer implements ResponseDefinitionTransformerV2 {
  static final String NAME = "revoke-earn-api";

  private final ApiPipeline pipeline;

  ApiTransformer(ApiPipeline pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Operation operation =
        Operation.of(serveEvent.getTransformerParameters().getString("operation"));
    ApiPipeline.Answer answer =
        pipeline.handle(operation, ValidatorRequest.of(serveEvent.getRequest()));
    return new ResponseDefinitionBuilder()
        .withStatus(answer.status())
        .withHeader("Content-Type", "application/json")
        .withBody(answer.json())
        .build();
  }
}
