package dev.revokeearn.conformance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revokeearn.auth.Md5;
import dev.revokeearn.gate.Contract;
import io.cucumber.java.Before;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The steps of {@code features/}, in REST Assured. Every response passes through the contract: a
 * response that breaks {@code openapi/revoke-earn.yaml} fails the scenario with the validator's
 * message. Requests are not checked, since the bad-input scenarios break them on purpose.
 */
public class ConformanceSteps {
  static final String REVOKE = "/api_gateway/v1/badges/customer/revokeEarn";
  static final String EARN = "/api_gateway/v1/badges/customer/earn";
  static final String TOKEN = "/v3/oauth/token/generate";

  private static final OpenApiValidationFilter CONTRACT =
      new OpenApiValidationFilter(
          OpenApiInteractionValidator.createForInlineApiSpecification(Contract.text())
              .withLevelResolver(
                  LevelResolver.create()
                      .withLevel("validation.request", ValidationReport.Level.IGNORE)
                      .build())
              .build());

  private final ObjectMapper json = new ObjectMapper();
  private Target target;
  private TestData data;
  private Map<String, String> credentials = Map.of();
  private String earnedBadgeId;
  private Response answer;
  private int tokenTtlSeconds;

  @Before
  public void chooseTarget() {
    target = Target.current();
    data = TestData.fromSystemProperties();
  }

  // --- Given: state, through the earn endpoint in both modes ---

  @Given("the customer has earned the badge")
  public void theCustomerHasEarnedTheBadge() {
    ObjectNode body = json.createObjectNode();
    body.put("badgeMetaId", data.badgeMetaId());
    body.put("customerId", data.customerId());
    body.put("requestId", "conformance-" + UUID.randomUUID());
    body.putObject("triggeredBy")
        .put("ownerType", data.ownerType())
        .put("referenceId", data.referenceId());
    Response earned = api().header("Authorization", basicHeader()).body(body.toString()).post(EARN);
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
    Target.Login client =
        target
            .oauth()
            .orElseThrow(
                () -> Hooks.skip("no OAuth client: set CAP_OAUTH_KEY and CAP_OAUTH_SECRET"));
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
    credentials =
        Map.of(
            "Authorization",
            basic(target.basic().user(), Md5.hex(target.basic().secret() + "-wrong")));
  }

  @Given("the client authenticates with the till's password unhashed")
  public void unhashedPassword() {
    credentials = Map.of("Authorization", basic(target.basic().user(), target.basic().secret()));
  }

  @Given("the client sends the OAuth token {string}")
  public void oauthTokenValue(String token) {
    credentials = Map.of("X-CAP-API-OAUTH-TOKEN", token);
  }

  @Given("the client authenticates as a till without access to badges")
  public void tillWithoutAccess() {
    credentials = Map.of("Authorization", basic("no-badges.till", Md5.hex("demo-password")));
  }

  @When("the token's lifetime has passed")
  public void tokenLifetimePasses() {
    target.advanceClock(Duration.ofSeconds(tokenTtlSeconds + 1L));
  }

  @When("the client asks for an OAuth token with a wrong secret")
  public void tokenWithWrongSecret() {
    String key = target.oauth().map(Target.Login::user).orElse("conformance-unknown-key");
    answer = requestToken(key, "conformance-wrong-secret");
  }

  // --- When: revokes ---

  @When("the client revokes the earn instance naming the customer by {string}")
  public void revokeNamingTheCustomerBy(String identifier) {
    RequestSpecification request = authed();
    if (!identifier.equals("customer id")) {
      request.header("X-CAP-CUSTOMER-IDENTIFIER", identifier);
    }
    answer =
        request
            .body(
                revokeBody(data.badgeMetaId(), data.customerBy(identifier), earnedBadgeId)
                    .toString())
            .post(REVOKE);
  }

  @When("the client revokes an earn instance that does not exist")
  public void revokeUnknown() {
    answer =
        authed()
            .body(
                revokeBody(data.badgeMetaId(), data.customerId(), "000000000000000000000000")
                    .toString())
            .post(REVOKE);
  }

  @When("the client revokes the earn instance under another badge")
  public void revokeUnderAnotherBadge() {
    answer =
        authed()
            .body(revokeBody(data.otherBadgeMetaId(), data.customerId(), earnedBadgeId).toString())
            .post(REVOKE);
  }

  @When("the client revokes the earn instance naming another customer")
  public void revokeNamingAnotherCustomer() {
    answer =
        authed()
            .body(revokeBody(data.badgeMetaId(), data.otherCustomerId(), earnedBadgeId).toString())
            .post(REVOKE);
  }

  @When("the client revokes the earn instance with X-CAP-CUSTOMER-IDENTIFIER {string}")
  public void revokeWithIdentifierHeader(String value) {
    answer =
        authed()
            .header("X-CAP-CUSTOMER-IDENTIFIER", value)
            .body(revokeBody(data.badgeMetaId(), data.customerId(), earnedBadgeId).toString())
            .post(REVOKE);
  }

  @When("the client revokes the earn instance without a Content-Type")
  public void revokeWithoutContentType() {
    answer =
        given()
            .baseUri(target.baseUrl())
            .filter(CONTRACT)
            .headers(credentials)
            .noContentType()
            .body(
                revokeBody(data.badgeMetaId(), data.customerId(), earnedBadgeId)
                    .toString()
                    .getBytes(StandardCharsets.UTF_8))
            .post(REVOKE);
  }

  @When("the client sends a revoke request without {string}")
  public void revokeWithoutField(String field) {
    ObjectNode body = revokeBody(data.badgeMetaId(), data.customerId(), earnedBadgeId);
    body.remove(field);
    answer = authed().body(body.toString()).post(REVOKE);
  }

  @When("the client sends a revoke request with {string} set to {}")
  public void revokeWithFieldSetTo(String field, String jsonValue) throws Exception {
    ObjectNode body = revokeBody(data.badgeMetaId(), data.customerId(), earnedBadgeId);
    body.set(field, json.readTree(jsonValue));
    answer = authed().body(body.toString()).post(REVOKE);
  }

  @When("the client sends a revoke request with the body {string}")
  public void revokeWithRawBody(String body) {
    answer = authed().body(body).post(REVOKE);
  }

  // --- Then ---

  @Then("the answer is 200 with the success envelope")
  public void successEnvelope() {
    assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
    JsonPath body = answer.jsonPath();
    assertThat(body.getMap("data"))
        .containsOnlyKeys("badgeMetaId", "customerId", "earnedBadgeId", "isActive");
    assertThat(body.getString("data.badgeMetaId")).isEqualToIgnoringCase(data.badgeMetaId());
    assertThat(body.get("data.customerId") instanceof Number)
        .as("customerId is a number: " + answer.asString())
        .isTrue();
    assertThat(body.getLong("data.customerId")).isEqualTo(data.customerId());
    assertThat(body.getString("data.earnedBadgeId")).isEqualTo(earnedBadgeId);
    assertThat(body.getBoolean("data.isActive")).isFalse();
    assertThat(body.getList("errors")).isEmpty();
    assertThat(body.getList("warnings")).isEmpty();
    answerCarriesRequestId();
  }

  @Then("the answer is error {long} {string} with HTTP status {int}")
  public void errorWithMessage(long code, String message, int status) {
    error(code, status);
    assertThat(answer.jsonPath().getString("errors[0].message")).isEqualTo(message);
  }

  @Then("the answer is error {long} with HTTP status {int}")
  public void error(long code, int status) {
    assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(status);
    JsonPath body = answer.jsonPath();
    assertThat(body.get("data") == null).as("data is null: " + answer.asString()).isTrue();
    assertThat(body.get("warnings") == null).as("warnings is null: " + answer.asString()).isTrue();
    List<Map<String, Object>> errors = body.getList("errors");
    assertThat(errors).isNotEmpty();
    assertThat(errors).allSatisfy(e -> assertThat(e).containsKeys("code", "message", "reference"));
    assertThat(((Number) errors.get(0).get("code")).longValue())
        .as(answer.asString())
        .isEqualTo(code);
    if (code == 814) {
      assertThat(errors.get(0).get("reference")).isNull();
    }
  }

  @Then("the error's reference is {string}")
  public void errorReference(String reference) {
    assertThat(answer.jsonPath().getList("errors.reference"))
        .as(answer.asString())
        .contains(reference);
  }

  @Then("the error message starts with {string}")
  public void errorMessageStartsWith(String prefix) {
    assertThat(answer.jsonPath().getString("errors[0].message")).startsWith(prefix);
  }

  @Then("the answer carries an X-CAP-REQUEST-ID of 32 lowercase hex characters")
  public void answerCarriesRequestId() {
    assertThat(answer.header("X-CAP-REQUEST-ID")).as("X-CAP-REQUEST-ID").matches("[0-9a-f]{32}");
  }

  @Then("the earn instance can still be revoked by its owner")
  public void stillRevocableByItsOwner() {
    Response revoke =
        api()
            .header("Authorization", basicHeader())
            .body(revokeBody(data.badgeMetaId(), data.customerId(), earnedBadgeId).toString())
            .post(REVOKE);
    assertThat(revoke.statusCode()).as("the owner's revoke: %s", revoke.asString()).isEqualTo(200);
  }

  // --- helpers ---

  private RequestSpecification api() {
    return given().baseUri(target.baseUrl()).filter(CONTRACT).contentType("application/json");
  }

  private RequestSpecification authed() {
    return api().headers(credentials);
  }

  private Response requestToken(String key, String secret) {
    ObjectNode body = json.createObjectNode().put("key", key).put("secret", secret);
    return api().body(body.toString()).post(TOKEN);
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

  private String basicHeader() {
    return basic(target.basic().user(), Md5.hex(target.basic().secret()));
  }

  private static String basic(String user, String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }
}
