package dev.revokeearn.mock;

import dev.revokeearn.gate.ContractGate;
import dev.revokeearn.service.ApiPipeline;
import dev.revokeearn.service.CapillaryErrors;
import dev.revokeearn.service.Exchange;
import dev.revokeearn.service.ExchangeLog;
import dev.revokeearn.service.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference implementation at the edge, for both ways a request reaches it ({@link DirectRoute}
 * before WireMock, {@link ApiRouter} inside it): which operation a request is, its answer, and the
 * org's request log.
 */
final class ReferenceApi {
  private static final Logger LOG = LoggerFactory.getLogger(ReferenceApi.class);
  private static final Map<String, Operation> OPERATIONS =
      Map.of(
          "/api_gateway/v1/badges/customer/revokeEarn", Operation.REVOKE_EARN,
          "/api_gateway/v1/badges/customer/earn", Operation.EARN_BADGE,
          "/v3/oauth/token/generate", Operation.GENERATE_OAUTH_TOKEN);

  private final ApiPipeline pipeline;
  private final ExchangeLog exchanges;

  ReferenceApi(ApiPipeline pipeline, ExchangeLog exchanges) {
    this.pipeline = pipeline;
    this.exchanges = exchanges;
  }

  /**
   * POST to one of the contract's paths is that operation; anything else is unmatched (every
   * operation of the contract is a POST, which {@code ContractShapeTest} checks).
   */
  static Operation operation(String method, String path) {
    Operation operation = OPERATIONS.get(path);
    return operation != null && method.equals("POST") ? operation : Operation.UNMATCHED;
  }

  /** The answer; a failure of the mock itself is logged and answered in the envelope. */
  ApiPipeline.Answer answer(ApiCall call) {
    String path = call.path();
    try {
      Operation operation = operation(call.method(), path);
      return operation == Operation.UNMATCHED
          ? pipeline.unmatched(call.method(), path, OPERATIONS.containsKey(path))
          : pipeline.handle(operation, ValidatorRequest.of(call));
    } catch (RuntimeException e) {
      LOG.error("The mock failed on {} {}", call.method(), call.url(), e);
      return pipeline.answer(CapillaryErrors.notProcessed());
    } finally {
      // The validator, for what the fast path does not cover, is built once the first request is
      // answered: not beside start-up or the first answer, which it would slow on a machine with
      // few cores (about a second of CPU). A request that needs it sooner waits for it.
      ContractGate.shared();
    }
  }

  /** Into the request log of the org the request named, if it named one. */
  void record(ApiCall call, ApiPipeline.Answer answer) {
    if (answer.orgId() == null) {
      return;
    }
    exchanges.record(
        answer.orgId(),
        new Exchange(
            Instant.now(),
            operation(call.method(), call.path()).id(),
            call.method(),
            call.url(),
            call.headers(),
            // As the pipeline read it: UTF-8 (WireMock's getBodyAsString trips on "charset=").
            new String(call.body(), StandardCharsets.UTF_8),
            answer.status(),
            answer.errorCodes(),
            answer.json(),
            answer.fault() == null ? null : answer.fault().type()));
  }
}
