package dev.revokeearn.conformance.glue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revokeearn.api.Operation;
import io.cucumber.java.en.When;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** When: revokes of the scenario's earn instance, right and wrong. */
public class RevokeSteps {
  private final ObjectMapper json = new ObjectMapper();
  private final Scenario scenario;
  private final Requests requests;

  public RevokeSteps(Scenario scenario, Requests requests) {
    this.scenario = scenario;
    this.requests = requests;
  }

  @When("the client revokes the earn instance naming the customer by {string}")
  public void revokeNamingTheCustomerBy(String identifier) {
    RequestSpecification request = requests.authed();
    if (!identifier.equals("customer id")) {
      request.header("X-CAP-CUSTOMER-IDENTIFIER", identifier);
    }
    revoke(
        request,
        requests.revokeBody(
            scenario.data.badgeMetaId(),
            scenario.data.customerBy(identifier),
            scenario.earnedBadgeId));
  }

  @When("the client revokes the earn instance naming by {string} a customer that does not exist")
  public void revokeNamingNobodyBy(String identifier) {
    String nobody = "conformance-nobody-" + UUID.randomUUID().toString().substring(0, 8);
    String value =
        switch (identifier) {
          case "email" -> nobody + "@example.invalid";
          case "mobile" -> "0000" + (System.nanoTime() % 100_000_000L);
          default -> nobody;
        };
    revoke(
        requests.authed().header("X-CAP-CUSTOMER-IDENTIFIER", identifier),
        requests.revokeBody(scenario.data.badgeMetaId(), value, scenario.earnedBadgeId));
  }

  @When("the client revokes an earn instance that does not exist")
  public void revokeUnknown() {
    revoke(
        requests.authed(),
        requests.revokeBody(
            scenario.data.badgeMetaId(), scenario.data.customerId(), "000000000000000000000000"));
  }

  @When("the client revokes the earn instance under another badge")
  public void revokeUnderAnotherBadge() {
    revoke(
        requests.authed(),
        requests.revokeBody(
            scenario.data.otherBadgeMetaId(), scenario.data.customerId(), scenario.earnedBadgeId));
  }

  @When("the client revokes the earn instance naming another customer")
  public void revokeNamingAnotherCustomer() {
    revoke(
        requests.authed(),
        requests.revokeBody(
            scenario.data.badgeMetaId(), scenario.data.otherCustomerId(), scenario.earnedBadgeId));
  }

  @When("the client revokes the earn instance with X-CAP-CUSTOMER-IDENTIFIER {string}")
  public void revokeWithIdentifierHeader(String value) {
    revoke(requests.authed().header("X-CAP-CUSTOMER-IDENTIFIER", value), requests.revokeBody());
  }

  @When("the client revokes the earn instance without a Content-Type")
  public void revokeWithoutContentType() {
    requests.send(
        Operation.REVOKE_EARN,
        requests
            .plain()
            .headers(scenario.credentials)
            .body(requests.revokeBody().toString().getBytes(StandardCharsets.UTF_8)));
  }

  @When("the client sends a revoke request without {string}")
  public void revokeWithoutField(String field) {
    ObjectNode body = requests.revokeBody();
    body.remove(field);
    revoke(requests.authed(), body);
  }

  @When("the client sends a revoke request with {string} set to {}")
  public void revokeWithFieldSetTo(String field, String jsonValue) throws Exception {
    ObjectNode body = requests.revokeBody();
    body.set(field, json.readTree(jsonValue));
    revoke(requests.authed(), body);
  }

  @When("the client sends a revoke request with the body {string}")
  public void revokeWithRawBody(String body) {
    requests.send(Operation.REVOKE_EARN, requests.authed().body(body));
  }

  @When("the client sends {word} a body of {int} bytes")
  public void sendOversizedBody(String operation, int bytes) {
    String padding = "x".repeat(Math.max(0, bytes - 20));
    requests.send(
        Operation.named(operation)
            .orElseThrow(() -> new IllegalArgumentException("unknown operation " + operation)),
        requests.authed().body("{\"padding\":\"" + padding + "\"}"));
  }

  private void revoke(RequestSpecification request, ObjectNode body) {
    requests.send(Operation.REVOKE_EARN, request.body(body.toString()));
  }
}
