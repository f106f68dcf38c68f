package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.revokeearn.service.ApiPipeline;
import dev.revokeearn.service.CapillaryErrors;
import dev.revokeearn.service.Exchange;
import dev.revokeearn.service.ExchangeLog;
import dev.revokeearn.service.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference implementation answers every request that no user stub matched. It is not a stub
 * itself, so nothing done to WireMock's stubs (reset, delete all, import) can take the API away,
 * and any user stub, whatever its priority, wins over it.
 */
final class ApiRouter implements ResponseDefinitionTransformerV2 {
  static final String NAME = "revoke-earn-api";

  /** Marks our answers, so {@link RequestIdStamp} can tell them from users' stubs. */
  static final String MARKER = "revoke-earn";

  private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
  private static final Map<String, Operation> OPERATIONS =
      Map.of(
          "/api_gateway/v1/badges/customer/revokeEarn", Operation.REVOKE_EARN,
          "/api_gateway/v1/badges/customer/earn", Operation.EARN_BADGE,
          "/v3/oauth/token/generate", Operation.GENERATE_OAUTH_TOKEN);

  private final ApiPipeline pipeline;
  private final ExchangeLog exchanges;

  ApiRouter(ApiPipeline pipeline, ExchangeLog exchanges) {
    this.pipeline = pipeline;
    this.exchanges = exchanges;
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
    if (serveEvent.getWasMatched()) {
      return serveEvent.getResponseDefinition(); // a user's stub answers
    }
    Request request = serveEvent.getRequest();
    ApiPipeline.Answer answer;
    Operation operation = Operation.UNMATCHED;
    try {
      operation = operation(request);
      answer =
          operation == Operation.UNMATCHED
              ? pipeline.unmatched(
                  request.getMethod().getName(),
                  ValidatorRequest.path(request.getUrl()),
                  OPERATIONS.containsKey(ValidatorRequest.path(request.getUrl())))
              : pipeline.handle(operation, ValidatorRequest.of(request));
    } catch (RuntimeException e) {
      LOG.error("The mock failed on {} {}", request.getMethod(), request.getUrl(), e);
      answer = pipeline.answer(CapillaryErrors.notProcessed());
    }
    if (answer.orgId() != null) {
      exchanges.record(answer.orgId(), exchange(operation, request, answer));
    }
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

  /**
   * POST to one of the contract's paths is that operation; anything else is unmatched (every
   * operation of the contract is a POST, which {@code ContractShapeTest} checks).
   */
  private static Operation operation(Request request) {
    Operation operation = OPERATIONS.get(ValidatorRequest.path(request.getUrl()));
    return operation != null && request.getMethod().getName().equals("POST")
        ? operation
        : Operation.UNMATCHED;
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
        // As the pipeline read it: UTF-8 (WireMock's getBodyAsString trips on "charset=").
        new String(request.getBody(), StandardCharsets.UTF_8),
        answer.status(),
        answer.errorCodes(),
        answer.json(),
        answer.fault() == null ? null : answer.fault().type());
  }
}
