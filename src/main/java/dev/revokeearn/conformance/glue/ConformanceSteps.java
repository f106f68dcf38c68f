package dev.revokeearn.conformance.glue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revokeearn.api.Operation;
import dev.revokeearn.auth.BasicCredentials;
import dev.revokeearn.auth.Md5;
import dev.revokeearn.conformance.ConformanceRun;
import dev.revokeearn.conformance.ConformanceTarget;
import dev.revokeearn.conformance.Login;
import dev.revokeearn.conformance.MockControls;
import dev.revokeearn.conformance.TestData;
import dev.revokeearn.faults.Fault;
import io.cucumber.java.Before;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The steps of the features, in REST Assured, against the target of the run that executes them (see
 * {@link ConformanceRun}). Every response passes through {@link ContractCheck}.
 */
public class ConformanceSteps {
  static final String REVOKE = "/api_gateway/v1/badges/customer/revokeEarn";
  static final String EARN = "/api_gateway/v1/badges/customer/earn";
  static final String TOKEN = "/v3/oauth/token/generate";

  private final ObjectMapper json = new ObjectMapper();
  private ConformanceTarget target;
  private TestData data;
  private ContractCheck contract;
  private Calls calls;
  private final List<String> requestIds = new ArrayList<>();
  private Map<String, String> credentials = Map.of();
  private String earnedBadgeId;
  private String requestId;
  private Response answer;
  private int tokenTtlSeconds;

  @Before(order = 0)
  public void joinTheRun() {
    ConformanceRun run =
        ConformanceRun.current()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The conformance features run only through ConformanceRunner: use"
                            + " 'java -jar revoke-earn-mock.jar check' or 'mvn test"
                            + " -Dtest=ConformanceTest'"));
    target = run.target();
    data = target.data();
    contract = new ContractCheck(run.coverage());
    calls = new Calls(run);
  }

  // --- Given: state, through the earn endpoint in both modes ---

  @Given("the customer has earned the badge")
  public void theCustomerHasEarnedTheBadge() {
    Response earned =
        post(api().header("Authorization", basicHeader()).body(earnBody().toString()), EARN);
    assertThat(earned.statusCode())
        .as(
            "set-up: earning badge %s for customer %d answered %s",
            data.badgeMetaId(), data.customerId(), earned.asString())
        .isEqualTo(200);
    earnedBadgeId = earned.path("data.earnedBadgeId");
  }

  // --- Given: credentials ---

  @Given("the client authenticates with the till's Basic credentials")
  public void basicCredentials() {
    credentials = Map.of("Authorization", basicHeader());
  }

  @Given("the client authenticates with an OAuth token")
  public void oauthToken() {
    Login client = oauthClient();
    Response token = requestToken(client.user(), client.secret());
    assertThat(token.statusCode()).as("token: %s", token.asString()).isEqualTo(200);
    tokenTtlSeconds = token.path("data.ttlSeconds");
    credentials = Map.of("X-CAP-API-OAUTH-TOKEN", token.path("data.accessToken"));
  }

  @Given("the client sends no credentials")
  public void noCredentials() {
    credentials = Map.of();
  }

  @Given("the client authenticates with a wrong password")
  public void wrongPassword() {
    Login till = till();
    credentials = Map.of("Authorization", basic(till.user(), Md5.hex(till.secret() + "-wrong")));
  }

  @Given("the client authenticates with the till's password unhashed")
  public void unhashedPassword() {
    Login till = till();
    credentials = Map.of("Authorization", basic(till.user(), till.secret()));
  }

  @Given("the client authenticates as a till that does not exist")
  public void unknownTill() {
    credentials =
        Map.of(
            "Authorization",
            BasicCredentials.header(
                "conformance-unknown-" + UUID.randomUUID().toString().substring(0, 8),
                till().secret()));
  }

  @Given("the client sends a well-formed token that was never issued")
  public void forgedToken() {
    // A signed JWT of the shape OAuth tokens have, signed with a key of our own.
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String header =
        url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims =
        url.encodeToString(
            ("{\"sub\":\""
                    + target.oauth().map(Login::user).orElse("conformance")
                    + "\",\"exp\":"
                    + (Instant.now().getEpochSecond() + 3600)
                    + "}")
                .getBytes(StandardCharsets.UTF_8));
    String signature =
        url.encodeToString(Md5.hex(header + claims).getBytes(StandardCharsets.UTF_8));
    credentials = Map.of("X-CAP-API-OAUTH-TOKEN", header + "." + claims + "." + signature);
  }

  @Given("the client sends the OAuth token {string}")
  public void oauthTokenValue(String token) {
    credentials = Map.of("X-CAP-API-OAUTH-TOKEN", token);
  }

  @Given("the client authenticates as a till without access to badges")
  public void tillWithoutAccess() {
    Login till = mock().tillWithoutAccess();
    credentials = Map.of("Authorization", BasicCredentials.header(till.user(), till.secret()));
  }

  @When("the token's lifetime has passed")
  public void tokenLifetimePasses() {
    mock().advanceClock(Duration.ofSeconds(tokenTtlSeconds + 1L));
  }

  // --- When: the OAuth token endpoint ---

  @When("the client asks for an OAuth token with its key and secret")
  public void tokenWithKeyAndSecret() {
    Login client = oauthClient();
    answer = requestToken(client.user(), client.secret());
  }

  @When("the client asks for an OAuth token with a wrong secret")
  public void tokenWithWrongSecret() {
    String key = target.oauth().map(Login::user).orElse("conformance-unknown-key");
    answer = requestToken(key, "conformance-wrong-secret");
  }

  @When("the client asks for an OAuth token without a secret")
  public void tokenWithoutSecret() {
    String key = target.oauth().map(Login::user).orElse("conformance-unknown-key");
    answer = post(api().body(json.createObjectNode().put("key", key).toString()), TOKEN);
  }

  // --- When: revokes ---

  @When("the client revokes the earn instance naming the customer by {string}")
  public void revokeNamingTheCustomerBy(String identifier) {
    RequestSpecification request = authed();
    if (!identifier.equals("customer id")) {
      request.header("X-CAP-CUSTOMER-IDENTIFIER", identifier);
    }
    answer =
        post(
            request.body(
                revokeBody(data.badgeMetaId(), data.customerBy(identifier), earnedBadgeId)
                    .toString()),
            REVOKE);
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
    answer =
        post(
            authed()
                .header("X-CAP-CUSTOMER-IDENTIFIER", identifier)
                .body(revokeBody(data.badgeMetaId(), value, earnedBadgeId).toString()),
            REVOKE);
  }

  @When("the client calls {word} for the earn instance")
  public void callOperation(String operation) {
    switch (operation) {
      case "revokeEarn" -> revokeNamingTheCustomerBy("customer id");
      case "earn" -> answer = post(authed().body(earnBody().toString()), EARN);
      default -> throw new IllegalArgumentException("unknown operation " + operation);
    }
  }

  @When("the client revokes an earn instance that does not exist")
  public void revokeUnknown() {
    answer =
        post(
            authed()
                .body(
                    revokeBody(data.badgeMetaId(), data.customerId(), "000000000000000000000000")
                        .toString()),
            REVOKE);
  }

  @When("the client revokes the earn instance under another badge")
  public void revokeUnderAnotherBadge() {
    answer =
        post(
            authed()
                .body(
                    revokeBody(data.otherBadgeMetaId(), data.customerId(), earnedBadgeId)
                        .toString()),
            REVOKE);
  }

  @When("the client revokes the earn instance naming another customer")
  public void revokeNamingAnotherCustomer() {
    answer =
        post(
            authed()
                .body(
                    revokeBody(data.badgeMetaId(), data.otherCustomerId(), earnedBadgeId)
                        .toString()),
            REVOKE);
  }

  @When("the client revokes the earn instance with X-CAP-CUSTOMER-IDENTIFIER {string}")
  public void revokeWithIdentifierHeader(String value) {
    answer =
        post(
            authed()
                .header("X-CAP-CUSTOMER-IDENTIFIER", value)
                .body(revokeBody(data.badgeMetaId(), data.customerId(), earnedBadgeId).toString()),
            REVOKE);
  }

  @When("the client revokes the earn instance without a Content-Type")
  public void revokeWithoutContentType() {
    answer =
        post(
            given()
                .config(calls.config())
                .baseUri(target.baseUrl())
                .filter(contract)
                .headers(credentials)
                .noContentType()
                .body(
                    revokeBody(data.badgeMetaId(), data.customerId(), earnedBadgeId)
                        .toString()
                        .getBytes(StandardCharsets.UTF_8)),
            REVOKE);
  }

  @When("the client sends a revoke request without {string}")
  public void revokeWithoutField(String field) {
    ObjectNode body = revokeBody(data.badgeMetaId(), data.customerId(), earnedBadgeId);
    body.remove(field);
    answer = post(authed().body(body.toString()), REVOKE);
  }

  @When("the client sends a revoke request with {string} set to {}")
  public void revokeWithFieldSetTo(String field, String jsonValue) throws Exception {
    ObjectNode body = revokeBody(data.badgeMetaId(), data.customerId(), earnedBadgeId);
    body.set(field, json.readTree(jsonValue));
    answer = post(authed().body(body.toString()), REVOKE);
  }

  @When("the client sends a revoke request with the body {string}")
  public void revokeWithRawBody(String body) {
    answer = post(authed().body(body), REVOKE);
  }

  @When("the client sends {word} a body of {int} bytes")
  public void sendOversizedBody(String operation, int bytes) {
    String path =
        switch (operation) {
          case "revokeEarn" -> REVOKE;
          case "earn" -> EARN;
          case "token" -> TOKEN;
          default -> throw new IllegalArgumentException("unknown operation " + operation);
        };
    String padding = "x".repeat(Math.max(0, bytes - 20));
    answer = post(authed().body("{\"padding\":\"" + padding + "\"}"), path);
  }

  // --- When: earns ---

  @When("the client earns the badge with a new request id")
  public void earnWithNewRequestId() {
    answer = post(authed().body(earnBody().toString()), EARN);
  }

  @When("the client earns the badge again with the same request id")
  public void earnAgainWithSameRequestId() {
    ObjectNode body = earnBody(data.badgeMetaId(), requestId);
    answer = post(authed().body(body.toString()), EARN);
  }

  @When("the client earns the badge without {string}")
  public void earnWithout(String field) {
    ObjectNode body = earnBody();
    if (field.equals("triggeredBy.ownerType")) {
      ((ObjectNode) body.get("triggeredBy")).remove("ownerType");
    } else {
      body.remove(field);
    }
    answer = post(authed().body(body.toString()), EARN);
  }

  @When("the client earns the badge with an earn event date a day from now")
  public void earnInTheFuture() {
    ObjectNode body = earnBody();
    body.put("earnEventDate", Instant.now().plus(Duration.ofDays(1)).toString());
    answer = post(authed().body(body.toString()), EARN);
  }

  @When("the client earns a badge that does not exist")
  public void earnUnknownBadge() {
    answer =
        post(authed().body(earnBody("000000000000000000000000", newRequestId()).toString()), EARN);
  }

  @When("the client earns the badge as an owner without a claim")
  public void earnUnclaimed() {
    ObjectNode body = earnBody();
    ((ObjectNode) body.get("triggeredBy"))
        .put("referenceId", "conformance-unclaimed-" + UUID.randomUUID());
    answer = post(authed().body(body.toString()), EARN);
  }

  @When("the client earns the badge for a customer that does not exist")
  public void earnUnknownCustomer() {
    ObjectNode body = earnBody();
    body.put("customerId", 8_999_999_999_999_999_999L);
    answer = post(authed().body(body.toString()), EARN);
  }

  @When("the client earns a badge that is not live")
  public void earnNotLive() {
    answer =
        post(authed().body(earnBody(mock().notLiveBadgeMetaId(), newRequestId()).toString()), EARN);
  }

  @When("the client earns a badge that must be issued first")
  public void earnIssueFirst() {
    answer =
        post(
            authed().body(earnBody(mock().issueFirstBadgeMetaId(), newRequestId()).toString()),
            EARN);
  }

  // --- Given: injected failures (mock-only), each for this scenario's earn instance only ---

  @Given("the next revoke of the earn instance is applied and its answer lost")
  public void nextRevokeAppliedThenLost() {
    mock().failNextRevoke(earnedBadgeId, new Fault.AppliedThenReset());
  }

  @Given("the next revoke of the earn instance fails with HTTP {int}")
  public void nextRevokeFails(int status) {
    mock().failNextRevoke(earnedBadgeId, Fault.Error.of(Operation.REVOKE_EARN, status));
  }

  @Given("the next revoke of the earn instance is refused with HTTP 429 and Retry-After {int}")
  public void nextRevokeRateLimited(int seconds) {
    Fault.Error tooMany = Fault.Error.of(Operation.REVOKE_EARN, 429);
    mock()
        .failNextRevoke(
            earnedBadgeId, new Fault.Error(429, tooMany.code(), tooMany.message(), seconds));
  }

  @When("the client revokes the earn instance and the connection ends without an answer")
  public void revokeWithoutAnswer() {
    RequestSpecification request =
        authed()
            .body(
                revokeBody(data.badgeMetaId(), data.customerBy("customer id"), earnedBadgeId)
                    .toString());
    Throwable failure = catchThrowable(() -> calls.send(() -> request.post(REVOKE)));
    assertThat(failure).as("the revoke got an answer").isNotNull();
    Throwable cause = failure;
    while (cause.getCause() != null && !(cause instanceof java.io.IOException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("how the revoke ended").isInstanceOf(java.io.IOException.class);
  }

  // --- Then ---

  @Then("the answer is 200 with the success envelope")
  public void successEnvelope() {
    assertThat(answer.statusCode()).as("HTTP status, body %s", answer.asString()).isEqualTo(200);
    JsonPath body = answer.jsonPath();
    assertThat(body.getMap("data"))
        .containsOnlyKeys("badgeMetaId", "customerId", "earnedBadgeId", "isActive");
    assertThat(body.getString("data.badgeMetaId"))
        .as("data.badgeMetaId")
        .isEqualToIgnoringCase(data.badgeMetaId());
    assertNumericCustomerId(body);
    assertThat(body.getString("data.earnedBadgeId"))
        .as("data.earnedBadgeId")
        .isEqualTo(earnedBadgeId);
    assertThat(body.getBoolean("data.isActive"))
        .as("data.isActive in %s", answer.asString())
        .isFalse();
    emptyErrorsAndWarnings(body);
  }

  @Then("the answer is 200 with the earned badge")
  public void earnedBadge() {
    assertThat(answer.statusCode()).as("HTTP status, body %s", answer.asString()).isEqualTo(200);
    JsonPath body = answer.jsonPath();
    assertThat(body.getString("data.badgeMetaId"))
        .as("data.badgeMetaId")
        .isEqualToIgnoringCase(data.badgeMetaId());
    assertNumericCustomerId(body);
    assertThat(body.getString("data.earnedBadgeId"))
        .as("data.earnedBadgeId")
        .matches("[0-9a-fA-F]{24}");
    assertThat(body.getString("data.requestId")).as("data.requestId").isEqualTo(requestId);
    emptyErrorsAndWarnings(body);
  }

  @Then("the answer is 200 with a token")
  public void tokenAnswer() {
    assertThat(answer.statusCode()).as("HTTP status, body %s", answer.asString()).isEqualTo(200);
    assertThat(answer.jsonPath().getString("data.accessToken")).as("data.accessToken").isNotBlank();
    assertThat(answer.jsonPath().getInt("data.ttlSeconds")).as("data.ttlSeconds").isPositive();
    answerCarriesRequestId();
  }

  @Then("the answer is error {long} {string} with HTTP status {int}")
  public void errorWithMessage(long code, String message, int status) {
    error(code, status);
    assertThat(answer.jsonPath().getString("errors[0].message"))
        .as("errors[0].message")
        .isEqualTo(message);
  }

  @Then("the answer is error {long} with HTTP status {int}")
  public void error(long code, int status) {
    assertThat(answer.statusCode()).as("HTTP status, body %s", answer.asString()).isEqualTo(status);
    JsonPath body = answer.jsonPath();
    assertThat(body.get("data") == null).as("data is null: " + answer.asString()).isTrue();
    assertThat(body.get("warnings") == null).as("warnings is null: " + answer.asString()).isTrue();
    List<Map<String, Object>> errors = body.getList("errors");
    assertThat(errors).as("errors").isNotEmpty();
    assertThat(errors)
        .as("errors")
        .allSatisfy(e -> assertThat(e).containsKeys("code", "message", "reference"));
    assertThat(((Number) errors.get(0).get("code")).longValue())
        .as("errors[0].code in %s", answer.asString())
        .isEqualTo(code);
    if (code == 814) {
      assertThat(errors.get(0).get("reference")).as("errors[0].reference").isNull();
    }
    answerCarriesRequestId();
  }

  @Then("the answer's Retry-After header is {int}")
  public void retryAfter(int seconds) {
    assertThat(answer.header("Retry-After"))
        .as("the Retry-After header; the answer's headers: %s", answer.headers())
        .isEqualTo("" + seconds);
  }

  @Then("the error's reference is {string}")
  public void errorReference(String reference) {
    assertThat(answer.jsonPath().getList("errors.reference"))
        .as("errors[].reference in %s", answer.asString())
        .contains(reference);
  }

  @Then("the error message starts with {string}")
  public void errorMessageStartsWith(String prefix) {
    assertThat(answer.jsonPath().getString("errors[0].message"))
        .as("errors[0].message")
        .startsWith(prefix);
  }

  @Then("the answer carries an X-CAP-REQUEST-ID of 32 lowercase hex characters")
  public void answerCarriesRequestId() {
    assertThat(answer.header("X-CAP-REQUEST-ID")).as("X-CAP-REQUEST-ID").matches("[0-9a-f]{32}");
  }

  @Then("every answer carried a request id of its own")
  public void requestIdsDiffer() {
    assertThat(requestIds).hasSizeGreaterThan(1).doesNotContainNull();
    assertThat(new java.util.HashSet<>(requestIds))
        .as("X-CAP-REQUEST-ID of each answer: %s", requestIds)
        .hasSameSizeAs(requestIds);
  }

  @Then("the earn instance can still be revoked by its owner")
  public void stillRevocableByItsOwner() {
    Response revoke =
        post(
            api()
                .header("Authorization", basicHeader())
                .body(revokeBody(data.badgeMetaId(), data.customerId(), earnedBadgeId).toString()),
            REVOKE);
    assertThat(revoke.statusCode()).as("the owner's revoke: %s", revoke.asString()).isEqualTo(200);
  }

  // --- helpers ---

  private void assertNumericCustomerId(JsonPath body) {
    assertThat(body.get("data.customerId") instanceof Number)
        .as("customerId is a number: " + answer.asString())
        .isTrue();
    assertThat(body.getLong("data.customerId")).as("data.customerId").isEqualTo(data.customerId());
  }

  private void emptyErrorsAndWarnings(JsonPath body) {
    assertThat(body.getList("errors")).as("errors in %s", answer.asString()).isEmpty();
    assertThat(body.getList("warnings")).as("warnings in %s", answer.asString()).isEmpty();
    answerCarriesRequestId();
  }

  private RequestSpecification api() {
    return given()
        .config(calls.config())
        .baseUri(target.baseUrl())
        .filter(contract)
        .contentType("application/json");
  }

  /** Sends the request within the run's deadline for one request. */
  private Response post(RequestSpecification request, String path) {
    Response response = calls.send(() -> request.post(path));
    requestIds.add(response.header("X-CAP-REQUEST-ID"));
    return response;
  }

  private RequestSpecification authed() {
    return api().headers(credentials);
  }

  private Response requestToken(String key, String secret) {
    ObjectNode body = json.createObjectNode().put("key", key).put("secret", secret);
    return post(api().body(body.toString()), TOKEN);
  }

  private ObjectNode revokeBody(String badgeMetaId, Object customer, String earned) {
    ObjectNode body = json.createObjectNode();
    body.put("badgeMetaId", badgeMetaId);
    if (customer instanceof Long id) {
      body.put("customerId", id);
    } else {
      body.put("customerId", String.valueOf(customer));
    }
    body.put("earnedBadgeId", earned);
    return body;
  }

  /** An earn of the test badge for the test customer, with a request id no one used before. */
  private ObjectNode earnBody() {
    return earnBody(data.badgeMetaId(), newRequestId());
  }

  private ObjectNode earnBody(String badgeMetaId, String id) {
    ObjectNode body = json.createObjectNode();
    body.put("badgeMetaId", badgeMetaId);
    body.put("customerId", data.customerId());
    body.put("requestId", id);
    body.putObject("triggeredBy")
        .put("ownerType", data.ownerType())
        .put("referenceId", data.referenceId());
    return body;
  }

  private String newRequestId() {
    requestId = "conformance-" + UUID.randomUUID();
    return requestId;
  }

  private Login till() {
    return target
        .basic()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no till credentials: set "
                        + ConformanceTarget.USERNAME
                        + " and "
                        + ConformanceTarget.PASSWORD));
  }

  private Login oauthClient() {
    return target
        .oauth()
        .orElseThrow(
            () ->
                Hooks.skip(
                    "no OAuth client: set "
                        + ConformanceTarget.OAUTH_KEY
                        + " and "
                        + ConformanceTarget.OAUTH_SECRET));
  }

  private MockControls mock() {
    return target
        .mock()
        .orElseThrow(() -> new IllegalStateException("only the embedded mock has this control"));
  }

  private String basicHeader() {
    Login till = till();
    return BasicCredentials.header(till.user(), till.secret());
  }

  private static String basic(String user, String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }
}
