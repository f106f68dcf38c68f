package dev.revokeearn.mock;

import static dev.revokeearn.testing.Fixtures.DOC_BADGE;
import static dev.revokeearn.testing.Fixtures.DOC_EARNED;
import static dev.revokeearn.testing.Fixtures.EARN;
import static dev.revokeearn.testing.Fixtures.REVOKE;
import static dev.revokeearn.testing.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revokeearn.conformance.AdjustableClock;
import dev.revokeearn.testing.Credentials;
import dev.revokeearn.wiremock.RevokeEarnExtensions;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference mock over real HTTP on loopback, with the default seed. */
class ReferenceMockTest {
  static final String EARN_BADGE = "66276dc68fe258516a88ff8e";
  static final String ERROR_814 =
      "{\"data\":null,\"errors\":[{\"code\":814,\"message\":\"Active earn instance is not present.\",\"reference\":null}],\"warnings\":null}";

  static final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-11-25T12:00:00Z"));
  static RevokeEarnMock mock;
  final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    mock = RevokeEarnMock.builder().port(0).clock(clock).build().start();
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  @BeforeEach
  void reset() {
    mock.reset();
  }

  static RequestSpecification api() {
    return given().baseUri(mock.baseUrl()).contentType("application/json");
  }

  static RequestSpecification authed() {
    return api().header("Authorization", Credentials.demo());
  }

  static String revokeBody(String badge, Object customer, String earned) {
    String customerJson = customer instanceof String s ? "\"" + s + "\"" : String.valueOf(customer);
    return "{\"badgeMetaId\":\""
        + badge
        + "\",\"customerId\":"
        + customerJson
        + ",\"earnedBadgeId\":\""
        + earned
        + "\"}";
  }

  static String earnBody(Object customer, String requestId) {
    String customerJson = customer instanceof String s ? "\"" + s + "\"" : String.valueOf(customer);
    return "{\"badgeMetaId\":\""
        + EARN_BADGE
        + "\",\"earnEventDate\":\"2026-11-03T21:51:00.192Z\",\"customerId\":"
        + customerJson
        + ",\"requestId\":\""
        + requestId
        + "\",\"triggeredBy\":{\"ownerType\":\"Loyalty\",\"referenceId\":\"123694\"}}";
  }

  JsonNode tree(String text) throws Exception {
    return json.readTree(text);
  }

  @Test
  void theDocsFirstExampleAnswersTheDocsResponseThenA814() throws Exception {
    Response first = authed().body(revokeBody(DOC_BADGE, 62090013, DOC_EARNED)).post(REVOKE);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(tree(first.asString()))
        .isEqualTo(
            tree(
                "{\"data\":{\"badgeMetaId\":\"653ddb33b3cda7078c7c68e9\",\"customerId\":62090013,"
                    + "\"earnedBadgeId\":\"654cbea06bccde1274b6d3a2\",\"isActive\":false},"
                    + "\"errors\":[],\"warnings\":[]}"));

    Response second = authed().body(revokeBody(DOC_BADGE, 62090013, DOC_EARNED)).post(REVOKE);

    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(tree(second.asString())).isEqualTo(tree(ERROR_814));
  }

  @Test
  void theDocsEmailExampleAnswersWithTheNumericCustomerId() {
    authed()
        .header("X-CAP-CUSTOMER-IDENTIFIER", "email")
        .body(
            revokeBody(
                "653de84db3cda7078c7c68ed", "tom.sawyer@example.com", "6659551c304b6e0b517b7bc7"))
        .post(REVOKE)
        .then()
        .statusCode(200)
        .body("data.customerId", equalTo(62090013))
        .body("data.isActive", equalTo(false));
  }

  @ParameterizedTest
  @CsvSource({
    ",62090013",
    "email,tom.sawyer@example.com",
    "email,TOM.SAWYER@example.com",
    "mobile,919988776655",
    "externalId,ext-62090013",
    "cardNumber,CARD62090013"
  })
  void earnThenRevokeByEachIdentifier(String identifier, String customer) {
    String earned =
        authed()
            .body(earnBody(62090013, "req-" + identifier + customer))
            .post(EARN)
            .then()
            .statusCode(200)
            .body("data.customerId", equalTo(62090013))
            .body("data.issuedId", nullValue())
            .body("errors", hasSize(0))
            .extract()
            .path("data.earnedBadgeId");
    assertThat(earned).matches("[0-9a-f]{24}");

    RequestSpecification revoke = authed();
    Object customerId = customer;
    if (identifier != null) {
      revoke.header("X-CAP-CUSTOMER-IDENTIFIER", identifier);
    } else {
      customerId = Long.parseLong(customer);
    }
    revoke
        .body(revokeBody(EARN_BADGE, customerId, earned))
        .post(REVOKE)
        .then()
        .statusCode(200)
        .body("data.earnedBadgeId", equalTo(earned))
        .body("data.customerId", equalTo(62090013))
        .body("data.isActive", equalTo(false));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "unknown earn instance,653ddb33b3cda7078c7c68e9,62090013,000000000000000000000000",
    "badge that does not match,653de84db3cda7078c7c68ed,62090013,654cbea06bccde1274b6d3a2",
    "customer that does not match,653ddb33b3cda7078c7c68e9,62090014,654cbea06bccde1274b6d3a2",
    "unknown customer,653ddb33b3cda7078c7c68e9,99999999,654cbea06bccde1274b6d3a2"
  })
  void anythingButTheActiveInstanceIs814(String what, String badge, long customer, String earned)
      throws Exception {
    Response response = authed().body(revokeBody(badge, customer, earned)).post(REVOKE);

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(tree(response.asString())).isEqualTo(tree(ERROR_814));
    // And the real owner can still revoke it: a mismatch changes nothing.
    authed().body(revokeBody(DOC_BADGE, 62090013, DOC_EARNED)).post(REVOKE).then().statusCode(200);
  }

  @Test
  void everyResponseCarriesARequestIdAndJson() {
    for (Response response :
        new Response[] {
          authed().body(revokeBody(DOC_BADGE, 62090013, DOC_EARNED)).post(REVOKE),
          authed().body(revokeBody(DOC_BADGE, 62090013, DOC_EARNED)).post(REVOKE),
          api().body("{}").post(REVOKE),
          api().body("{\"key\":\"x\",\"secret\":\"y\"}").post(TOKEN),
          api().get("/no/such/path")
        }) {
      assertThat(response.header("X-CAP-REQUEST-ID")).matches("[0-9a-f]{32}");
      assertThat(response.contentType()).startsWith("application/json");
    }
  }

  @Test
  void anInvalidIdentifierValueIsA400NamingTheHeader() {
    authed()
        .header("X-CAP-CUSTOMER-IDENTIFIER", "phone")
        .body(revokeBody(DOC_BADGE, "919988776655", DOC_EARNED))
        .post(REVOKE)
        .then()
        .statusCode(400)
        .body("data", nullValue())
        .body("warnings", nullValue())
        .body("errors[0].code", equalTo(400))
        .body("errors[0].reference", equalTo("X-CAP-CUSTOMER-IDENTIFIER"))
        .body("errors[0].message", startsWith("X-CAP-CUSTOMER-IDENTIFIER must be one of"));
  }

  @Test
  void aMalformedBodyGetsOneErrorPerFieldNamingIt() {
    authed()
        .body("{\"badgeMetaId\":12,\"customerId\":true}")
        .post(REVOKE)
        .then()
        .statusCode(400)
        .body("errors", hasSize(3))
        .body(
            "errors.reference",
            org.hamcrest.Matchers.containsInAnyOrder("earnedBadgeId", "badgeMetaId", "customerId"))
        .body(
            "errors.find { it.reference == 'badgeMetaId' }.message",
            equalTo("badgeMetaId must be string, got integer"))
        .body(
            "errors.find { it.reference == 'customerId' }.message",
            equalTo("customerId must be integer or string, got boolean"))
        .body(
            "errors.find { it.reference == 'earnedBadgeId' }.message",
            equalTo("earnedBadgeId is required but missing"));
  }

  @Test
  void malformedJsonEmptyBodyAndWrongContentTypeAre400s() {
    authed()
        .body("{\"badgeMetaId\":")
        .post(REVOKE)
        .then()
        .statusCode(400)
        .body("errors[0].message", startsWith("Request body is not valid JSON"));
    authed().body("").post(REVOKE).then().statusCode(400).body("errors[0].code", equalTo(400));
    given()
        .baseUri(mock.baseUrl())
        .header("Authorization", Credentials.demo())
        .contentType("text/plain")
        .body(revokeBody(DOC_BADGE, 62090013, DOC_EARNED))
        .post(REVOKE)
        .then()
        .statusCode(400)
        .body("errors[0].reference", equalTo("Content-Type"));
  }

  @Test
  void aBodyOverTheSizeLimitIs413InTheEnvelopeAndNothingIsRevoked() {
    String padded =
        revokeBody(DOC_BADGE, 62090013, DOC_EARNED)
            .replace(
                "{",
                "{\"padding\":\""
                    + "x".repeat(RevokeEarnExtensions.DEFAULT_MAX_BODY_BYTES)
                    + "\",");
    authed()
        .body(padded)
        .post(REVOKE)
        .then()
        .statusCode(413)
        .body("errors[0].code", equalTo(413))
        .body("errors[0].message", equalTo("Request body is larger than 65536 bytes"));
    authed().body(revokeBody(DOC_BADGE, 62090013, DOC_EARNED)).post(REVOKE).then().statusCode(200);
  }

  @Test
  void aNonNumericCustomerWithoutTheHeaderIsA400() {
    authed()
        .body(revokeBody(DOC_BADGE, "tom.sawyer@example.com", DOC_EARNED))
        .post(REVOKE)
        .then()
        .statusCode(400)
        .body("errors[0].reference", equalTo("customerId"));
  }

  @Test
  void authFailuresHaveTheirStatusAndCode() {
    String body = revokeBody(DOC_BADGE, 62090013, DOC_EARNED);
    api().body(body).post(REVOKE).then().statusCode(401).body("errors[0].code", equalTo(401));
    api()
        .header("Authorization", Credentials.basic("demo.till", "wrong"))
        .body(body)
        .post(REVOKE)
        .then()
        .statusCode(401)
        .body("errors[0].code", equalTo(401));
    api()
        .header("Authorization", Credentials.basicRaw("demo.till", "demo-password"))
        .body(body)
        .post(REVOKE)
        .then()
        .statusCode(401)
        .body(
            "errors[0].message",
            equalTo("Authentication failed. Please check username and password."));
    api()
        .header("X-CAP-API-OAUTH-TOKEN", "not-a-token")
        .body(body)
        .post(REVOKE)
        .then()
        .statusCode(401)
        .body("errors[0].code", equalTo(401));
    api()
        .header("Authorization", Credentials.basic("no-badges.till", "demo-password"))
        .body(body)
        .post(REVOKE)
        .then()
        .statusCode(403)
        .body("errors[0].code", equalTo(4000))
        .body("errors[0].message", equalTo("Not authorized. Access is denied!"));
    // No credentials: 401 even when the body is broken, so the contract is not probed
    // unauthenticated.
    api().body("{").post(REVOKE).then().statusCode(401);
    // Nothing above revoked anything.
    authed().body(body).post(REVOKE).then().statusCode(200);
  }

  @Test
  void anOAuthTokenWorksUntilItExpires() {
    Response token = api().body("{\"key\":\"demo-key\",\"secret\":\"demo-secret\"}").post(TOKEN);
    token.then().statusCode(200).body("data.ttlSeconds", equalTo(300)).body("errors", nullValue());
    String accessToken = token.path("data.accessToken");
    assertThat(accessToken).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");

    api()
        .header("X-CAP-API-OAUTH-TOKEN", accessToken)
        .body(revokeBody(DOC_BADGE, 62090013, DOC_EARNED))
        .post(REVOKE)
        .then()
        .statusCode(200);

    clock.advance(Duration.ofSeconds(301));
    api()
        .header("X-CAP-API-OAUTH-TOKEN", accessToken)
        .body(revokeBody(DOC_BADGE, 62090013, DOC_EARNED))
        .post(REVOKE)
        .then()
        .statusCode(401)
        .body("errors[0].code", equalTo(498))
        .body("errors[0].message", startsWith("Token expired at "));
  }

  @Test
  void aBadKeyOrSecretIs320001() {
    api()
        .body("{\"key\":\"demo-key\",\"secret\":\"nope\"}")
        .post(TOKEN)
        .then()
        .statusCode(401)
        .body("errors[0].code", equalTo(320001))
        .body("errors[0].message", equalTo("Invalid client key and secret"));
    api()
        .body("{\"key\":\"demo-key\"}")
        .post(TOKEN)
        .then()
        .statusCode(400)
        .body("errors[0].reference", equalTo("secret"));
  }

  @Test
  void earnErrorsFollowTheDocumentedCatalogue() {
    authed().body(earnBody(62090013, "r1")).post(EARN).then().statusCode(200);
    authed()
        .body(earnBody(62090013, "r1"))
        .post(EARN)
        .then()
        .statusCode(400)
        .body("errors[0].code", equalTo(809));
    authed()
        .body(
            earnBody(62090013, "r2")
                .replace("\"ownerType\":\"Loyalty\"", "\"ownerType\":\"Journeys\""))
        .post(EARN)
        .then()
        .statusCode(409)
        .body("errors[0].code", equalTo(810));
    authed()
        .body(earnBody(62090013, "r3").replace(",\"requestId\":\"r3\"", ""))
        .post(EARN)
        .then()
        .statusCode(400)
        .body("errors[0].code", equalTo(804));
    authed()
        .body(earnBody(62090013, "r4").replace("\"customerId\":62090013,", ""))
        .post(EARN)
        .then()
        .statusCode(400)
        .body("errors[0].code", equalTo(812));
    authed()
        .body(earnBody(62090013, "r5").replace("\"ownerType\":\"Loyalty\",", ""))
        .post(EARN)
        .then()
        .statusCode(400)
        .body("errors[0].code", equalTo(716));
    authed()
        .body(earnBody(62090013, "r6").replace("2026-11-03", "2027-11-03"))
        .post(EARN)
        .then()
        .statusCode(400)
        .body("errors[0].code", equalTo(750));
    authed()
        .body(earnBody(62090013, "r7").replace(EARN_BADGE, "aaaaaaaaaaaaaaaaaaaaaaaa"))
        .post(EARN)
        .then()
        .statusCode(404)
        .body("errors[0].message", equalTo("Passed badge is not found"));
  }

  @Test
  void unknownPathsAndMethodsAnswerInTheEnvelope() {
    api().get("/nope").then().statusCode(404).body("errors[0].code", equalTo(404));
    api().get(REVOKE).then().statusCode(405).body("errors[0].code", equalTo(405));
  }

  @Test
  void earnRequestIdMayBeANumberAsInThePublicExample() {
    authed()
        .body(
            "{\"badgeMetaId\":\"66276dc68fe258516a88ff8e\",\"earnEventDate\":\"2023-11-03T21:51:00.192Z\","
                + "\"customerId\":62090013,\"requestId\":2132,"
                + "\"triggeredBy\":{\"ownerType\":\"Loyalty\",\"referenceId\":\"123694\"}}")
        .post(EARN)
        .then()
        .statusCode(200)
        .body("data.requestId", equalTo("2132"))
        .body("data.expiresOn", equalTo(1730584260))
        .body("data.expiresOnISO", equalTo("2024-11-02T21:51:00.192Z"));
  }

  @Test
  void requestIdsAreThirtyTwoLowercaseHex() {
    api().get("/nope").then().header("X-CAP-REQUEST-ID", matchesPattern("[0-9a-f]{32}"));
  }

  /**
   * Java's HttpClient asks for an h2c upgrade by default; with a body of unknown length, plain
   * WireMock's Jetty cancels the stream. The mock answers HTTP/1.1 instead.
   */
  @Test
  void aStreamedBodyFromJavasDefaultHttpClientGetsAnAnswer() throws Exception {
    byte[] body = revokeBody(DOC_BADGE, 62090013, DOC_EARNED).getBytes(StandardCharsets.UTF_8);
    java.net.http.HttpResponse<String> answer =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(mock.baseUrl() + REVOKE))
                    .header("Authorization", Credentials.demo())
                    .header("Content-Type", "application/json")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(body)))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
  }
}
