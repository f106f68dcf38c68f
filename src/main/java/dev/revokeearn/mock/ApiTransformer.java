package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.revokeearn.service.ApiPipeline;
import dev.revokeearn.service.Exchange;
import dev.revokeearn.service.ExchangeLog;
import dev.revokeearn.service.Operation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands a matched request to the reference implementation. The stub mapping names the operation in
 * its {@code transformerParameters}, so routing stays in {@code mappings/}, in WireMock's own
 * format.
 */
final class ApiTransformer implements ResponseDefinitionTransformerV2 {
  static final String NAME = "revoke-earn-api";

  private final ApiPipeline pipeline;
  private final ExchangeLog exchanges;

  ApiTransformer(ApiPipeline pipeline, ExchangeLog exchanges) {
    this.pipeline = pipeline;
    this.exchanges = exchanges;
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
    Request request = serveEvent.getRequest();
    ApiPipeline.Answer answer = pipeline.handle(operation, ValidatorRequest.of(request));
    if (answer.orgId() != null) {
      exchanges.record(answer.orgId(), exchange(operation, request, answer));
    }
    return new ResponseDefinitionBuilder()
        .withStatus(answer.status())
        .withHeader("Content-Type", "application/json")
        .withBody(answer.json())
        .build();
  }

  private static Exchange exchange(
      Operation operation, Request request, ApiPipeline.Answer answer) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader header : request.getHeaders().all()) {
      headers.put(header.key(), header.values());
    }
    return new Exchange(
        Instant.now(),
        operation.id(),
        request.getMethod().getName(),
        request.getUrl(),
        headers,
        request.getBodyAsString(),
        answer.status(),
        answer.errorCodes(),
        answer.json());
  }
}
