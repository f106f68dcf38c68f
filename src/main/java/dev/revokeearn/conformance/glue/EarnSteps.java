package dev.revokeearn.conformance.glue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revokeearn.api.Operation;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The earn endpoint: the scenario's set-up (in both modes), and earns right and wrong. */
public class EarnSteps {
  private final Scenario scenario;
  private final Requests requests;

  public EarnSteps(Scenario scenario, Requests requests) {
    this.scenario = scenario;
    this.requests = requests;
  }

  @Given("the customer has earned the badge")
  public void theCustomerHasEarnedTheBadge() {
    Response earned =
        requests.post(
            Operation.EARN,
            requests
                .api()
                .header("Authorization", requests.basicHeader())
                .body(requests.earnBody().toString()));
    assertThat(earned.statusCode())
        .as(
            "set-up: earning badge %s for customer %d answered %s",
            scenario.data.badgeMetaId(), scenario.data.customerId(), earned.asString())
        .isEqualTo(200);
    scenario.earnedBadgeId = earned.path("data.earnedBadgeId");
  }

  @When("the client calls {word} for the earn instance")
  public void callOperation(String operation) {
    switch (operation) {
      case "revokeEarn" ->
          requests.send(
              Operation.REVOKE_EARN, requests.authed().body(requests.revokeBody().toString()));
      case "earn" -> earn(requests.earnBody());
      default -> throw new IllegalArgumentException("unknown operation " + operation);
    }
  }

  @When("the client earns the badge with a new request id")
  public void earnWithNewRequestId() {
    earn(requests.earnBody());
  }

  @When("the client earns the badge again with the same request id")
  public void earnAgainWithSameRequestId() {
    earn(requests.earnBody(scenario.data.badgeMetaId(), scenario.requestId));
  }

  @When("the client earns the badge without {string}")
  public void earnWithout(String field) {
    ObjectNode body = requests.earnBody();
    if (field.equals("triggeredBy.ownerType")) {
      ((ObjectNode) body.get("triggeredBy")).remove("ownerType");
    } else {
      body.remove(field);
    }
    earn(body);
  }

  @When("the client earns the badge with an earn event date a day from now")
  public void earnInTheFuture() {
    ObjectNode body = requests.earnBody();
    body.put("earnEventDate", Instant.now().plus(Duration.ofDays(1)).toString());
    earn(body);
  }

  @When("the client earns a badge that does not exist")
  public void earnUnknownBadge() {
    earn(requests.earnBody("000000000000000000000000", requests.newRequestId()));
  }

  @When("the client earns the badge as an owner without a claim")
  public void earnUnclaimed() {
    ObjectNode body = requests.earnBody();
    ((ObjectNode) body.get("triggeredBy"))
        .put("referenceId", "conformance-unclaimed-" + UUID.randomUUID());
    earn(body);
  }

  @When("the client earns the badge for a customer that does not exist")
  public void earnUnknownCustomer() {
    ObjectNode body = requests.earnBody();
    body.put("customerId", 8_999_999_999_999_999_999L);
    earn(body);
  }

  @When("the client earns a badge that is not live")
  public void earnNotLive() {
    earn(requests.earnBody(scenario.mock().notLiveBadgeMetaId(), requests.newRequestId()));
  }

  @When("the client earns a badge that must be issued first")
  public void earnIssueFirst() {
    earn(requests.earnBody(scenario.mock().issueFirstBadgeMetaId(), requests.newRequestId()));
  }

  private void earn(ObjectNode body) {
    requests.send(Operation.EARN, requests.authed().body(body.toString()));
  }
}
