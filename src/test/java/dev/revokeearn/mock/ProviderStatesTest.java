package dev.revokeearn.mock;

import static dev.revokeearn.testing.Fixtures.EARN;
import static dev.revokeearn.testing.Fixtures.REVOKE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.revokeearn.testing.Credentials;
import dev.revokeearn.testing.Fixtures;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each of Pact's provider states, set up over HTTP as a verifier does, and what it leads to. */
class ProviderStatesTest {
  private static final String STATES = "/__admin/revoke-earn/provider-states";
  private static final String BADGE = "653ddb33b3cda7078c7c68e9";
  private static final String EARNED = "6650a0b1c2d3e4f5a6b7c8d9";
  private static final String INSTANCE =
      "{\"badgeMetaId\":\"" + BADGE + "\",\"customerId\":777,\"earnedBadgeId\":\"" + EARNED + "\"}";

  private static RevokeEarnMock mock;

  @BeforeAll
  static void start() {
    mock = RevokeEarnMock.builder().port(0).build().start();
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  @BeforeEach
  void fromTheSeed() {
    mock.reset();
  }

  @Test
  void anActiveEarnInstanceIsRevokedOnce() {
    setUp("an active earn instance", INSTANCE).statusCode(200).body("orgId", equalTo(100737));
    revoke(INSTANCE).statusCode(200).body("data.isActive", equalTo(false));
    revoke(INSTANCE).statusCode(409).body("errors[0].code", equalTo(814));
  }

  @Test
  void aRevokedEarnInstanceAnswers814() {
    setUp("a revoked earn instance", INSTANCE).statusCode(200);
    revoke(INSTANCE).statusCode(409).body("errors[0].code", equalTo(814));
  }

  @Test
  void aCustomerIsFoundByTheIdentifiersItWasGiven() {
    setUp("a customer", "{\"customerId\":777,\"email\":\"ann@example.com\",\"cardNumber\":\"C-1\"}")
        .statusCode(200);
    setUp("an active earn instance", INSTANCE).statusCode(200);
    Fixtures.api(mock)
        .header("X-CAP-CUSTOMER-IDENTIFIER", "cardNumber")
        .body(INSTANCE.replace("\"customerId\":777", "\"customerId\":\"C-1\""))
        .post(REVOKE)
        .then()
        .statusCode(200)
        .body("data.customerId", equalTo(777));
  }

  @Test
  void aLiveBadgeCanBeEarnedByItsClaim() {
    setUp(
            "a live badge",
            "{\"badgeMetaId\":\"aaaaaaaaaaaaaaaaaaaaaaaa\",\"ownerType\":\"Loyalty\","
                + "\"referenceId\":\"r-1\"}")
        .statusCode(200);
    Fixtures.api(mock)
        .body(
            "{\"badgeMetaId\":\"aaaaaaaaaaaaaaaaaaaaaaaa\",\"customerId\":62090013,"
                + "\"requestId\":\"pact-1\",\"triggeredBy\":{\"ownerType\":\"Loyalty\","
                + "\"referenceId\":\"r-1\"}}")
        .post(EARN)
        .then()
        .statusCode(200)
        .body("data.badgeMetaId", equalTo("aaaaaaaaaaaaaaaaaaaaaaaa"));
  }

  @Test
  void capillaryFailsUntilTheStateIsTornDown() {
    setUp("an active earn instance", INSTANCE).statusCode(200);
    setUp("Capillary fails", "{\"operation\":\"revokeEarn\",\"status\":503}").statusCode(200);
    revoke(INSTANCE).statusCode(503).body("errors[0].code", equalTo(4001));
    revoke(INSTANCE).statusCode(503);
    change("{\"state\":\"Capillary fails\",\"action\":\"teardown\"}").statusCode(200);
    revoke(Fixtures.DOC_REVOKE).statusCode(200);
  }

  @Test
  void capillaryFailsAfterAnotherStatesTeardown() {
    setUp("an active earn instance", INSTANCE).statusCode(200);
    change(
            "{\"state\":\"an active earn instance\",\"action\":\"teardown\",\"params\":"
                + INSTANCE
                + "}")
        .statusCode(200);
    setUp("an active earn instance", INSTANCE).statusCode(200);
    setUp("Capillary fails", "{\"operation\":\"revokeEarn\",\"status\":503}").statusCode(200);
    revoke(INSTANCE).statusCode(503).body("errors[0].code", equalTo(4001));
  }

  @Test
  void aValidTokenIsAnsweredAndAnExpiredOneIs498() {
    setUp("an active earn instance", INSTANCE).statusCode(200);
    String valid = setUp("a valid token", "{}").statusCode(200).extract().path("token");
    String expired = setUp("an expired token", "{}").statusCode(200).extract().path("token");

    given()
        .baseUri(mock.baseUrl())
        .contentType("application/json")
        .header("X-CAP-API-OAUTH-TOKEN", expired)
        .body(INSTANCE)
        .post(REVOKE)
        .then()
        .statusCode(401)
        .body("errors[0].code", equalTo(498));
    given()
        .baseUri(mock.baseUrl())
        .contentType("application/json")
        .header("X-CAP-API-OAUTH-TOKEN", valid)
        .body(INSTANCE)
        .post(REVOKE)
        .then()
        .statusCode(200);
  }

  @Test
  void aTillWithoutAccessIs403() {
    setUp("a till without access", "{\"username\":\"pact.till\",\"password\":\"pw\"}")
        .statusCode(200);
    given()
        .baseUri(mock.baseUrl())
        .contentType("application/json")
        .header("Authorization", Credentials.basic("pact.till", "pw"))
        .body(INSTANCE)
        .post(REVOKE)
        .then()
        .statusCode(403)
        .body("errors[0].code", equalTo(4000));
  }

  @Test
  void teardownPutsTheOrgBackAsTheSeedHasIt() {
    setUp("an active earn instance", INSTANCE).statusCode(200);
    change(
            "{\"state\":\"an active earn instance\",\"action\":\"teardown\",\"params\":"
                + INSTANCE
                + "}")
        .statusCode(200);
    revoke(INSTANCE).statusCode(409).body("errors[0].code", equalTo(814));
    // The seed's own instance is active again too.
    revoke(Fixtures.DOC_REVOKE).statusCode(200);
  }

  @Test
  void anUnknownStateOrParamIsA400NamingIt() {
    setUp("a badge that is purple", "{}")
        .statusCode(400)
        .body(
            "errors[0].message",
            containsString("unknown provider state \"a badge that is purple\""))
        .body("errors[0].message", containsString("an active earn instance"));
    setUp("a customer", "{\"customerId\":1,\"shoeSize\":9}")
        .statusCode(400)
        .body("errors[0].message", containsString("params.shoeSize"));
    setUp(
            "an active earn instance",
            "{\"badgeMetaId\":\"xyz\",\"customerId\":1,\"earnedBadgeId\":\"" + EARNED + "\"}")
        .statusCode(400)
        .body("errors[0].message", containsString("params.badgeMetaId: 24 lowercase hex digits"));
    change("{\"params\":{}}").statusCode(400);
  }

  @Test
  void paramsOfTheWrongKindAreRefusedNamingThem() {
    setUp("Capillary fails", "{\"operation\":\"revokeEarn\",\"status\":200}")
        .statusCode(400)
        .body("errors[0].reference", equalTo("params.status"))
        .body("errors[0].message", containsString("an error status (4xx or 5xx), not 200"));
    setUp("a customer", "{\"customerId\":5,\"email\":[\"a\"]}")
        .statusCode(400)
        .body("errors[0].reference", equalTo("params.email"));
    setUp("a customer", "{\"customerId\":-5}")
        .statusCode(400)
        .body("errors[0].message", containsString("a positive number, got -5"));
    change("{\"state\":\"a customer\",\"action\":\"teardown\",\"params\":{\"orgId\":424242}}")
        .statusCode(400)
        .body("errors[0].message", containsString("there is no org 424242"));
  }

  @Test
  void anIdentifierAnotherCustomerHasIsRefusedSoItKeepsNamingOneCustomer() {
    setUp("a customer", "{\"customerId\":62090099,\"email\":\"TOM.SAWYER@example.com\"}")
        .statusCode(400)
        .body("errors[0].message", containsString("which is customer 62090013's"));
    given()
        .baseUri(mock.baseUrl())
        .body("orgs: [{orgId: 100737, customers: [{id: 62090098, mobile: '919988776655'}]}]")
        .post("/__admin/revoke-earn/seed")
        .then()
        .statusCode(400)
        .body("errors[0].message", containsString("an identifier names one customer of an org"));
    // The customer itself may keep (or change) its own identifiers.
    setUp("a customer", "{\"customerId\":62090013,\"email\":\"tom.sawyer@example.com\"}")
        .statusCode(200);
  }

  @Test
  void teardownInAnOrgMadeOverTheAdminApiUndoesItsFailures() {
    io.restassured.path.json.JsonPath org = Fixtures.createOrg(mock);
    long orgId = org.getLong("orgId");
    String till = org.getString("basicAuthorization");
    String params = "{\"orgId\":" + orgId + ",\"operation\":\"revokeEarn\",\"status\":503}";
    setUp("Capillary fails", params).statusCode(200);
    given()
        .baseUri(mock.baseUrl())
        .contentType("application/json")
        .header("Authorization", till)
        .body(INSTANCE)
        .post(REVOKE)
        .then()
        .statusCode(503);
    change("{\"state\":\"Capillary fails\",\"action\":\"teardown\",\"params\":" + params + "}")
        .statusCode(200);
    given()
        .baseUri(mock.baseUrl())
        .contentType("application/json")
        .header("Authorization", till)
        .body(INSTANCE)
        .post(REVOKE)
        .then()
        .statusCode(409);
  }

  private static ValidatableResponse setUp(String state, String params) {
    return change("{\"state\":\"" + state + "\",\"action\":\"setup\",\"params\":" + params + "}");
  }

  private static ValidatableResponse change(String body) {
    return given()
        .baseUri(mock.baseUrl())
        .contentType("application/json")
        .body(body)
        .post(STATES)
        .then();
  }

  private static ValidatableResponse revoke(String body) {
    return Fixtures.api(mock).body(body).post(REVOKE).then();
  }
}
