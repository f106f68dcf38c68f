package dev.revokeearn.conformance.glue;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revokeearn.api.Operation;
import dev.revokeearn.auth.BasicCredentials;
import dev.revokeearn.conformance.Login;
import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.security.KeyStore;
import java.util.Optional;
import java.util.UUID;

/**
 * The one way the steps send a request: to the run's target, within its deadline, every answer
 * checked against the contract ({@link ContractCheck}) and its request id kept.
 */
public final class Requests {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Scenario scenario;
  private final ContractCheck contract;
  private final Calls calls;

  public Requests(Scenario scenario) {
    this.scenario = scenario;
    this.contract = new ContractCheck(scenario.run.coverage());
    this.calls = new Calls(scenario.run);
  }

  /** A JSON request to the target, no credentials yet. */
  RequestSpecification api() {
    return base().contentType("application/json");
  }

  /** A request to the target with no Content-Type at all. */
  RequestSpecification plain() {
    return base().noContentType();
  }

  private RequestSpecification base() {
    RestAssuredConfig config = calls.config();
    Optional<KeyStore> trust = scenario.target.trust().keyStore();
    if (trust.isPresent()) {
      config = config.sslConfig(SSLConfig.sslConfig().trustStore(trust.get()));
    }
    return given().config(config).baseUri(scenario.target.baseUrl()).filter(contract);
  }

  /** A JSON request with the scenario's credentials. */
  RequestSpecification authed() {
    return api().headers(scenario.credentials);
  }

  /** Posts to the operation; the answer becomes the scenario's last. */
  Response send(Operation operation, RequestSpecification request) {
    scenario.answer = post(operation, request);
    return scenario.answer;
  }

  /** Posts to the operation: a set-up step's own answer, which does not become the last. */
  Response post(Operation operation, RequestSpecification request) {
    Response response = calls.send(() -> request.post(operation.path()));
    scenario.requestIds.add(response.header("X-CAP-REQUEST-ID"));
    return response;
  }

  /** Aborts what a call throws when the connection ends without an answer. */
  Throwable sendExpectingNoAnswer(Operation operation, RequestSpecification request) {
    try {
      calls.send(() -> request.post(operation.path()));
      return null;
    } catch (Throwable failure) { // REST Assured (Groovy) throws checked IOExceptions undeclared
      return failure;
    }
  }

  Response requestToken(String key, String secret) {
    return post(
        Operation.TOKEN,
        api().body(JSON.objectNode().put("key", key).put("secret", secret).toString()));
  }

  String basicHeader() {
    Login till = scenario.till();
    return BasicCredentials.header(till.user(), till.secret());
  }

  ObjectNode revokeBody(String badgeMetaId, Object customer, String earned) {
    ObjectNode body = JSON.objectNode();
    body.put("badgeMetaId", badgeMetaId);
    if (customer instanceof Long id) {
      body.put("customerId", id);
    } else {
      body.put("customerId", String.valueOf(customer));
    }
    body.put("earnedBadgeId", earned);
    return body;
  }

  /** A revoke of the scenario's earn instance, of its badge, naming the test customer by id. */
  ObjectNode revokeBody() {
    return revokeBody(
        scenario.data.badgeMetaId(), scenario.data.customerId(), scenario.earnedBadgeId);
  }

  /** An earn of the test badge for the test customer, with a request id no one used before. */
  ObjectNode earnBody() {
    return earnBody(scenario.data.badgeMetaId(), newRequestId());
  }

  ObjectNode earnBody(String badgeMetaId, String id) {
    ObjectNode body = JSON.objectNode();
    body.put("badgeMetaId", badgeMetaId);
    body.put("customerId", scenario.data.customerId());
    body.put("requestId", id);
    body.putObject("triggeredBy")
        .put("ownerType", scenario.data.ownerType())
        .put("referenceId", scenario.data.referenceId());
    return body;
  }

  String newRequestId() {
    scenario.requestId = "conformance-" + UUID.randomUUID();
    return scenario.requestId;
  }
}
