package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.revokeearn.faults.Distribution;
import dev.revokeearn.faults.Fault;
import dev.revokeearn.faults.FaultSpecs;

/**
 * A fired fault, as WireMock's own delays and transport faults: the answer the pipeline built is
 * held back, or the connection ends without it. An error fault is already the answer.
 */
final class FaultEffects {
  private FaultEffects() {}

  static void apply(Fault fault, ResponseDefinitionBuilder response) {
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
      // Truncated, so a long tail never holds a connection past the longest delay allowed.
      response.withLogNormalRandomDelay(
          logNormal.median(), logNormal.sigma(), (double) FaultSpecs.MAX_DELAY_MILLIS);
    }
  }
}
