package dev.revokeearn.conformance.glue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.api.Operation;
import dev.revokeearn.faults.Fault;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.io.IOException;

/** Capillary's failures as a client meets them (mock-only), each for this scenario's instance. */
public class FaultSteps {
  private final Scenario scenario;
  private final Requests requests;

  public FaultSteps(Scenario scenario, Requests requests) {
    this.scenario = scenario;
    this.requests = requests;
  }

  @Given("the next revoke of the earn instance is applied and its answer lost")
  public void nextRevokeAppliedThenLost() {
    scenario.mock().failNextRevoke(scenario.earnedBadgeId, new Fault.AppliedThenReset());
  }

  @Given("the next revoke of the earn instance fails with HTTP {int}")
  public void nextRevokeFails(int status) {
    scenario
        .mock()
        .failNextRevoke(scenario.earnedBadgeId, Fault.Error.of(Operation.REVOKE_EARN, status));
  }

  @Given("the next revoke of the earn instance is refused with HTTP 429 and Retry-After {int}")
  public void nextRevokeRateLimited(int seconds) {
    Fault.Error tooMany = Fault.Error.of(Operation.REVOKE_EARN, 429);
    scenario
        .mock()
        .failNextRevoke(
            scenario.earnedBadgeId,
            new Fault.Error(429, tooMany.code(), tooMany.message(), seconds));
  }

  @When("the client revokes the earn instance and the connection ends without an answer")
  public void revokeWithoutAnswer() {
    Throwable failure =
        requests.sendExpectingNoAnswer(
            Operation.REVOKE_EARN, requests.authed().body(requests.revokeBody().toString()));
    assertThat(failure).as("the revoke got an answer").isNotNull();
    Throwable cause = failure;
    while (cause.getCause() != null && !(cause instanceof IOException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("how the revoke ended").isInstanceOf(IOException.class);
  }
}
