package dev.revokeearn.wiremock.api;

import dev.revokeearn.api.ApiCall;
import dev.revokeearn.api.Operation;
import dev.revokeearn.gate.ContractGate;
import dev.revokeearn.mockstate.Exchange;
import dev.revokeearn.mockstate.ExchangeLog;
import dev.revokeearn.service.Answer;
import dev.revokeearn.service.ApiPipeline;
import java.time.Instant;
import java.util.Optional;

/**
 * The reference implementation at the edge, for every way a request reaches it (the {@value
 * Routes#TRANSFORMER} transformer in any WireMock, the standalone's fallback and direct route): its
 * answer, and the request log of the org whose credentials it proved.
 */
public final class ReferenceApi {
  private final ApiPipeline pipeline;
  private final ExchangeLog exchanges;

  public ReferenceApi(ApiPipeline pipeline, ExchangeLog exchanges) {
    this.pipeline = pipeline;
    this.exchanges = exchanges;
  }

  /**
   * The answer: the operation's, or 404/405 in the envelope for a request no operation serves
   * (every operation of the contract is a POST, which {@code ContractShapeTest} checks).
   */
  public Answer answer(ApiCall call, Optional<Operation> routed) {
    try {
      return routed.isPresent() && call.method().equals("POST")
          ? pipeline.handle(routed.get(), call)
          : ApiPipeline.unmatched(call);
    } finally {
      // The validator, for what the fast path does not cover, is built once the first request is
      // answered: not beside start-up or the first answer, which it would slow on a machine with
      // few cores (about a second of CPU). A request that needs it sooner waits for it.
      ContractGate.shared();
    }
  }

  /** Into the request log of the org whose credentials the request proved, if any. */
  public void record(ApiCall call, Optional<Operation> routed, Answer answer) {
    if (answer.orgId() == null) {
      return;
    }
    exchanges.record(
        answer.orgId(),
        new Exchange(
            Instant.now(),
            routed.map(Operation::operationId).orElse("unmatched"),
            call.method(),
            call.url(),
            call.headers(),
            Exchange.kept(call.text()),
            answer.status(),
            answer.errorCodes(),
            Exchange.kept(answer.json()),
            answer.fault() == null ? null : answer.fault().type()));
  }
}
