package dev.revokeearn.conformance.glue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.api.Operation;
import io.cucumber.java.en.Then;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/** Then: what the last answer must be, field by field, each named when it is not. */
public class AnswerSteps {
  private final Scenario scenario;
  private final Requests requests;

  public AnswerSteps(Scenario scenario, Requests requests) {
    this.scenario = scenario;
    this.requests = requests;
  }

  @Then("the answer is 200 with the success envelope")
  public void successEnvelope() {
    assertThat(scenario.answer.statusCode())
        .as("HTTP status, body %s", scenario.answer.asString())
        .isEqualTo(200);
    JsonPath body = scenario.answer.jsonPath();
    assertThat(body.getMap("data"))
        .containsOnlyKeys("badgeMetaId", "customerId", "earnedBadgeId", "isActive");
    assertThat(body.getString("data.badgeMetaId"))
        .as("data.badgeMetaId")
        .isEqualToIgnoringCase(scenario.data.badgeMetaId());
    assertNumericCustomerId(body);
    assertThat(body.getString("data.earnedBadgeId"))
        .as("data.earnedBadgeId")
        .isEqualTo(scenario.earnedBadgeId);
    assertThat(body.getBoolean("data.isActive"))
        .as("data.isActive in %s", scenario.answer.asString())
        .isFalse();
    emptyErrorsAndWarnings(body);
  }

  @Then("the answer is 200 with the earned badge")
  public void earnedBadge() {
    assertThat(scenario.answer.statusCode())
        .as("HTTP status, body %s", scenario.answer.asString())
        .isEqualTo(200);
    JsonPath body = scenario.answer.jsonPath();
    assertThat(body.getString("data.badgeMetaId"))
        .as("data.badgeMetaId")
        .isEqualToIgnoringCase(scenario.data.badgeMetaId());
    assertNumericCustomerId(body);
    assertThat(body.getString("data.earnedBadgeId"))
        .as("data.earnedBadgeId")
        .matches("[0-9a-fA-F]{24}");
    assertThat(body.getString("data.requestId")).as("data.requestId").isEqualTo(scenario.requestId);
    emptyErrorsAndWarnings(body);
  }

  @Then("the answer is 200 with a token")
  public void tokenAnswer() {
    assertThat(scenario.answer.statusCode())
        .as("HTTP status, body %s", scenario.answer.asString())
        .isEqualTo(200);
    assertThat(scenario.answer.jsonPath().getString("data.accessToken"))
        .as("data.accessToken")
        .isNotBlank();
    assertThat(scenario.answer.jsonPath().getInt("data.ttlSeconds"))
        .as("data.ttlSeconds")
        .isPositive();
    answerCarriesRequestId();
  }

  @Then("the answer is error {long} {string} with HTTP status {int}")
  public void errorWithMessage(long code, String message, int status) {
    error(code, status);
    assertThat(scenario.answer.jsonPath().getString("errors[0].message"))
        .as("errors[0].message")
        .isEqualTo(message);
  }

  @Then("the answer is error {long} with HTTP status {int}")
  public void error(long code, int status) {
    assertThat(scenario.answer.statusCode())
        .as("HTTP status, body %s", scenario.answer.asString())
        .isEqualTo(status);
    JsonPath body = scenario.answer.jsonPath();
    assertThat(body.get("data") == null).as("data is null: " + scenario.answer.asString()).isTrue();
    assertThat(body.get("warnings") == null)
        .as("warnings is null: " + scenario.answer.asString())
        .isTrue();
    List<Map<String, Object>> errors = body.getList("errors");
    assertThat(errors).as("errors").isNotEmpty();
    assertThat(errors)
        .as("errors")
        .allSatisfy(e -> assertThat(e).containsKeys("code", "message", "reference"));
    assertThat(((Number) errors.get(0).get("code")).longValue())
        .as("errors[0].code in %s", scenario.answer.asString())
        .isEqualTo(code);
    if (code == 814) {
      assertThat(errors.get(0).get("reference")).as("errors[0].reference").isNull();
    }
    answerCarriesRequestId();
  }

  @Then("the answer's Retry-After header is {int}")
  public void retryAfter(int seconds) {
    assertThat(scenario.answer.header("Retry-After"))
        .as("the Retry-After header; the answer's headers: %s", scenario.answer.headers())
        .isEqualTo("" + seconds);
  }

  @Then("the error's reference is {string}")
  public void errorReference(String reference) {
    assertThat(scenario.answer.jsonPath().getList("errors.reference"))
        .as("errors[].reference in %s", scenario.answer.asString())
        .contains(reference);
  }

  @Then("the error message starts with {string}")
  public void errorMessageStartsWith(String prefix) {
    assertThat(scenario.answer.jsonPath().getString("errors[0].message"))
        .as("errors[0].message")
        .startsWith(prefix);
  }

  @Then("the answer carries an X-CAP-REQUEST-ID of 32 lowercase hex characters")
  public void answerCarriesRequestId() {
    assertThat(scenario.answer.header("X-CAP-REQUEST-ID"))
        .as("X-CAP-REQUEST-ID")
        .matches("[0-9a-f]{32}");
  }

  @Then("every answer carried a request id of its own")
  public void requestIdsDiffer() {
    assertThat(scenario.requestIds).hasSizeGreaterThan(1).doesNotContainNull();
    assertThat(new java.util.HashSet<>(scenario.requestIds))
        .as("X-CAP-REQUEST-ID of each answer: %s", scenario.requestIds)
        .hasSameSizeAs(scenario.requestIds);
  }

  @Then("the earn instance can still be revoked by its owner")
  public void stillRevocableByItsOwner() {
    Response revoke =
        requests.post(
            Operation.REVOKE_EARN,
            requests
                .api()
                .header("Authorization", requests.basicHeader())
                .body(requests.revokeBody().toString()));
    assertThat(revoke.statusCode()).as("the owner's revoke: %s", revoke.asString()).isEqualTo(200);
  }

  private void assertNumericCustomerId(JsonPath body) {
    assertThat(body.get("data.customerId") instanceof Number)
        .as("customerId is a number: " + scenario.answer.asString())
        .isTrue();
    assertThat(body.getLong("data.customerId"))
        .as("data.customerId")
        .isEqualTo(scenario.data.customerId());
  }

  private void emptyErrorsAndWarnings(JsonPath body) {
    assertThat(body.getList("errors")).as("errors in %s", scenario.answer.asString()).isEmpty();
    assertThat(body.getList("warnings")).as("warnings in %s", scenario.answer.asString()).isEmpty();
    answerCarriesRequestId();
  }
}
