package dev.revokeearn.wiremock.api;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.revokeearn.api.RequestIds;
import dev.revokeearn.faults.Distribution;
import dev.revokeearn.faults.Fault;
import dev.revokeearn.service.Answer;

/**
 * The reference implementation's answers as WireMock's response definitions: status, JSON,
 * Capillary's {@code X-CAP-REQUEST-ID}, and a fired fault as WireMock's own delays and transport
 * faults (the answer held back, or the connection ended without it; an error fault is the answer
 * already).
 */
public final class Answers {
  /** Marks the reference implementation's answers, so a host can tell them from users' stubs. */
  public static final String MARKER = "revoke-earn";

  /** The longest a delay fault holds an answer, so a long tail never holds a connection longer. */
  private static final double MAX_DELAY_MILLIS = 600_000;

  private Answers() {}

  public static ResponseDefinition definition(Answer answer, String requestId) {
    ResponseDefinitionBuilder response =
        new ResponseDefinitionBuilder()
            .withStatus(answer.status())
            .withHeader("Content-Type", "application/json")
            .withBody(answer.json())
            .withTransformerParameter(MARKER, true);
    answer.headers().forEach(response::withHeader);
    response.withHeader(RequestIds.HEADER, requestId);
    if (answer.fault() != null) {
      apply(answer.fault(), response);
    }
    return response.build();
  }

  private static void apply(Fault fault, ResponseDefinitionBuilder response) {
    if (fault instanceof Fault.Delay delay) {
      delay(delay.distribution(), response);
    } else if (fault instanceof Fault.Reset || fault instanceof Fault.AppliedThenReset) {
      response.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
    } else if (fault instanceof Fault.EmptyResponse) {
      response.withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE);
    } else if (fault instanceof Fault.MalformedResponse) {
      response.withFault(com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK);
    }
  }

  private static void delay(Distribution distribution, ResponseDefinitionBuilder response) {
    if (distribution instanceof Distribution.Fixed fixed) {
      response.withFixedDelay((int) fixed.millis());
    } else if (distribution instanceof Distribution.Uniform uniform) {
      response.withUniformRandomDelay((int) uniform.min(), (int) uniform.max());
    } else if (distribution instanceof Distribution.LogNormal logNormal) {
      response.withLogNormalRandomDelay(logNormal.median(), logNormal.sigma(), MAX_DELAY_MILLIS);
    }
  }
}
