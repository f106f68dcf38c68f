package dev.revokeearn.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revokeearn.api.ApiCall;
import dev.revokeearn.api.Operation;
import dev.revokeearn.gate.ContractGate;
import dev.revokeearn.mockstate.MockState;
import dev.revokeearn.seed.SeedFiles;
import dev.revokeearn.service.Answer;
import dev.revokeearn.service.ApiPipeline;
import dev.revokeearn.testing.Credentials;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request pipeline (credentials, contract gate, services, ledger) under coverage-guided
 * fuzzing, in process: whatever a client sends to one of the three operations, the answer is a 2xx
 * or 4xx in Capillary's envelope. Every build replays {@code PipelineFuzzTestInputs/}; {@code
 * JAZZER_FUZZ=1 mvn test -Dtest=PipelineFuzzTest} fuzzes.
 */
class PipelineFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Operation[] OPERATIONS = {
    Operation.REVOKE_EARN, Operation.EARN, Operation.TOKEN
  };
  private static final MockState STATE = new MockState(SeedFiles.defaultSeed(), Clock.systemUTC());
  private static final ApiPipeline PIPELINE =
      new ApiPipeline(STATE, ContractGate.shared()::join, 64 * 1024);

  @FuzzTest(maxDuration = "2m")
  void requests(FuzzedDataProvider data) throws Exception {
    int which = data.consumeInt(0, 2);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (data.consumeBoolean()) {
      headers.put(
          "Content-Type",
          List.of(
              data.pickValue(
                  new String[] {"application/json", "text/plain", data.consumeString(40)})));
    }
    headers.put(
        "Authorization",
        List.of(data.consumeBoolean() ? Credentials.demo() : data.consumeString(80)));
    if (data.consumeBoolean()) {
      headers.put("X-CAP-CUSTOMER-IDENTIFIER", List.of(data.consumeString(20)));
    }
    if (data.consumeBoolean()) {
      headers.put("X-CAP-API-OAUTH-TOKEN", List.of(data.consumeString(200)));
    }
    byte[] sent = data.consumeRemainingAsString().getBytes(StandardCharsets.UTF_8);

    Answer answer =
        PIPELINE.handle(
            OPERATIONS[which],
            new ApiCall("POST", OPERATIONS[which].path(), new LinkedHashMap<>(headers), sent));

    assertThat(answer.status()).isBetween(200, 499);
    JsonNode body = JSON.readTree(answer.json());
    if (answer.status() >= 400) {
      assertThat(body.path("errors").size()).isPositive();
      assertThat(body.path("data").isNull()).isTrue();
    }
  }
}
