package dev.revokeearn.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revokeearn.gate.ContractGate;
import dev.revokeearn.seed.SeedFiles;
import dev.revokeearn.service.ApiPipeline;
import dev.revokeearn.service.MockState;
import dev.revokeearn.service.Operation;
import dev.revokeearn.testing.Credentials;
import java.time.Clock;

/**
 * The request pipeline (credentials, contract gate, services, ledger) under coverage-guided
 * fuzzing, in process: whatever a client sends to one of the three operations, the answer is a 2xx
 * or 4xx in Capillary's envelope. Every build replays {@code PipelineFuzzTestInputs/}; {@code
 * JAZZER_FUZZ=1 mvn test -Dtest=PipelineFuzzTest} fuzzes.
 */
class PipelineFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] PATHS = {
    "/api_gateway/v1/badges/customer/revokeEarn",
    "/api_gateway/v1/badges/customer/earn",
    "/v3/oauth/token/generate"
  };
  private static final Operation[] OPERATIONS = {
    Operation.REVOKE_EARN, Operation.EARN_BADGE, Operation.GENERATE_OAUTH_TOKEN
  };
  private static final MockState STATE = new MockState(SeedFiles.defaultSeed(), Clock.systemUTC());
  private static final ApiPipeline PIPELINE =
      new ApiPipeline(STATE, ContractGate.shared()::join, 64 * 1024);

  @FuzzTest(maxDuration = "2m")
  void requests(FuzzedDataProvider data) throws Exception {
    int which = data.consumeInt(0, 2);
    SimpleRequest.Builder request = SimpleRequest.Builder.post(PATHS[which]);
    if (data.consumeBoolean()) {
      request.withContentType(
          data.pickValue(new String[] {"application/json", "text/plain", data.consumeString(40)}));
    }
    request.withHeader(
        "Authorization", data.consumeBoolean() ? Credentials.demo() : data.consumeString(80));
    if (data.consumeBoolean()) {
      request.withHeader("X-CAP-CUSTOMER-IDENTIFIER", data.consumeString(20));
    }
    if (data.consumeBoolean()) {
      request.withHeader("X-CAP-API-OAUTH-TOKEN", data.consumeString(200));
    }
    request.withBody(data.consumeRemainingAsString());

    ApiPipeline.Answer answer = PIPELINE.handle(OPERATIONS[which], request.build());

    assertThat(answer.status()).isBetween(200, 499);
    JsonNode body = JSON.readTree(answer.json());
    if (answer.status() >= 400) {
      assertThat(body.path("errors").size()).isPositive();
      assertThat(body.path("data").isNull()).isTrue();
    }
  }
}
