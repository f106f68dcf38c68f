package dev.revokeearn.mock;

import static dev.revokeearn.testing.Fixtures.DOC_REVOKE;
import static dev.revokeearn.testing.Fixtures.EARN;
import static dev.revokeearn.testing.Fixtures.REVOKE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.revokeearn.testing.Fixtures;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users' static stubs beside ours, and the admin endpoints. */
class StubsAndAdminTest {

  @TempDir Path root;
  RevokeEarnMock mock;

  @BeforeEach
  void start() throws Exception {
    Files.createDirectories(root.resolve("mappings"));
    Files.writeString(
        root.resolve("mappings/customer-42.json"),
        """
        {
          "request": {
            "method": "POST",
            "urlPath": "/api_gateway/v1/badges/customer/revokeEarn",
            "bodyPatterns": [{ "matchesJsonPath": "$[?(@.customerId == 42)]" }]
          },
          "response": {
            "status": 500,
            "headers": { "Content-Type": "application/json" },
            "jsonBody": { "data": null, "errors": [{ "code": 999999, "message": "Simulated outage", "reference": null }], "warnings": null }
          }
        }
        """);
    mock = RevokeEarnMock.builder().port(0).rootDir(root).build().start();
  }

  @AfterEach
  void stop() {
    mock.close();
  }

  RequestSpecification api() {
    return Fixtures.api(mock);
  }

  @Test
  void aStaticStubForOneCustomerWinsOverTheReferenceImplementation() {
    api()
        .body(DOC_REVOKE.replace("62090013", "42"))
        .post(REVOKE)
        .then()
        .statusCode(500)
        .body("errors[0].message", equalTo("Simulated outage"))
        .header("X-CAP-REQUEST-ID", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{32}"));
    api().body(DOC_REVOKE).post(REVOKE).then().statusCode(200);
  }

  @Test
  void aStubsErrorStatusWithoutABodyGoesOutAsTheStubSays() {
    mock.wireMock()
        .stubFor(
            WireMock.post(REVOKE)
                .withHeader("X-Case", WireMock.equalTo("401"))
                .willReturn(
                    WireMock.status(401).withHeader("WWW-Authenticate", "Basic realm=\"x\"")));
    mock.wireMock().stubFor(WireMock.get("/ping").willReturn(WireMock.status(503)));

    api()
        .header("X-Case", "401")
        .body(DOC_REVOKE)
        .post(REVOKE)
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Basic realm=\"x\"")
        .body(equalTo(""));
    given().baseUri(mock.baseUrl()).get("/ping").then().statusCode(503).body(equalTo(""));
    // The admin API's own bare errors still get the envelope.
    given()
        .baseUri(mock.baseUrl())
        .get("/__admin/mappings/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .body("errors[0].code", equalTo(404));
  }

  @Test
  void removingEveryStubLeavesTheUsersFilesAlone() {
    given().baseUri(mock.baseUrl()).delete("/__admin/mappings").then().statusCode(200);
    given()
        .baseUri(mock.baseUrl())
        .body(
            "{\"request\": {\"url\": \"/x\"}, \"response\": {\"status\": 204}, \"persistent\": true}")
        .post("/__admin/mappings")
        .then()
        .statusCode(201);
    given().baseUri(mock.baseUrl()).post("/__admin/mappings/save").then().statusCode(200);

    assertThat(root.resolve("mappings")).isDirectoryContaining("glob:**/customer-42.json");
    assertThat(root.resolve("mappings").toFile().list()).containsExactly("customer-42.json");
    // The file is still the user's: a reset loads it again.
    given().baseUri(mock.baseUrl()).post("/__admin/reset").then().statusCode(200);
    api().body(DOC_REVOKE.replace("62090013", "42")).post(REVOKE).then().statusCode(500);
  }

  @Test
  void aMappingFileThatIsNoStubIsRefusedNamingIt(@TempDir Path other) throws Exception {
    Files.createDirectories(other.resolve("mappings"));
    Files.writeString(other.resolve("mappings/broken.json"), "{\"request\": \"x\"}");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RevokeEarnMock.builder().port(0).rootDir(other).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("broken.json")
        .hasMessageStartingWith("--root-dir ");
  }

  @Test
  void aMappingFileWithAStatusNoClientReadsIsRefused(@TempDir Path other) throws Exception {
    Files.createDirectories(other.resolve("mappings"));
    Files.writeString(
        other.resolve("mappings/odd.json"),
        "{\"name\": \"odd\", \"request\": {\"method\": \"GET\"},"
            + " \"response\": {\"status\": 999}}");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RevokeEarnMock.builder().port(0).rootDir(other).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--root-dir ")
        .hasMessageContaining("'odd'")
        .hasMessageContaining("response.status 999");
  }

  @Test
  void resetRestoresTheSeedAndKeepsTheStubs() {
    api().body(DOC_REVOKE).post(REVOKE).then().statusCode(200);
    api().body(DOC_REVOKE).post(REVOKE).then().statusCode(409);

    given().baseUri(mock.baseUrl()).post("/__admin/reset").then().statusCode(200);

    api().body(DOC_REVOKE).post(REVOKE).then().statusCode(200);
    api().body(DOC_REVOKE.replace("62090013", "42")).post(REVOKE).then().statusCode(500);
  }

  @Test
  void adminReadsAnEarnInstanceAndTheWholeState() {
    api().body(DOC_REVOKE).post(REVOKE).then().statusCode(200);

    given()
        .baseUri(mock.baseUrl())
        .get("/__admin/revoke-earn/earn-instances/654cbea06bccde1274b6d3a2")
        .then()
        .statusCode(200)
        .body("orgId", equalTo(100737))
        .body("earnInstance.active", equalTo(false))
        .body("earnInstance.customerId", equalTo(62090013));
    given()
        .baseUri(mock.baseUrl())
        .get("/__admin/revoke-earn/earn-instances/ffffffffffffffffffffffff")
        .then()
        .statusCode(404)
        .body("errors[0].reference", equalTo("earnedBadgeId"));
    given()
        .baseUri(mock.baseUrl())
        .get("/__admin/revoke-earn/state")
        .then()
        .statusCode(200)
        .body("orgs[0].customers.id", hasItem(62090013))
        .body("orgs[0].earnInstances.earnedBadgeId", hasItem("6659551c304b6e0b517b7bc7"));
  }

  @Test
  void adminSeedAddsStateThatTheApiThenServes() {
    String seed =
        """
        orgs:
          - orgId: 100737
            badges:
              - badgeMetaId: cccccccccccccccccccccccc
                live: false
                claims: [{ownerType: Loyalty, referenceId: "123694"}]
              - badgeMetaId: dddddddddddddddddddddddd
                earnType: ISSUE_AND_EARN
                claims: [{ownerType: Loyalty, referenceId: "123694"}]
            earnInstances:
              - earnedBadgeId: eeeeeeeeeeeeeeeeeeeeeeee
                badgeMetaId: cccccccccccccccccccccccc
                customerId: 62090013
        """;
    given()
        .baseUri(mock.baseUrl())
        .body(seed)
        .post("/__admin/revoke-earn/seed")
        .then()
        .statusCode(200);

    api()
        .body(
            "{\"badgeMetaId\":\"cccccccccccccccccccccccc\",\"customerId\":62090013,\"earnedBadgeId\":\"eeeeeeeeeeeeeeeeeeeeeeee\"}")
        .post(REVOKE)
        .then()
        .statusCode(200);
    String earn =
        "{\"badgeMetaId\":\"%s\",\"customerId\":62090013,\"requestId\":\"r\",\"triggeredBy\":{\"ownerType\":\"Loyalty\",\"referenceId\":\"123694\"}}";
    api()
        .body(earn.formatted("cccccccccccccccccccccccc"))
        .post(EARN)
        .then()
        .statusCode(409)
        .body("errors[0].code", equalTo(815));
    api()
        .body(earn.formatted("dddddddddddddddddddddddd"))
        .post(EARN)
        .then()
        .statusCode(409)
        .body("errors[0].code", equalTo(811));

    given()
        .baseUri(mock.baseUrl())
        .body("orgs: [{orgId: 1, badges: [{badgeMetaId: x}]}]")
        .post("/__admin/revoke-earn/seed")
        .then()
        .statusCode(400)
        .body(
            "errors[0].message",
            equalTo("seed: orgs[0].badges[0].badgeMetaId must be 24 hex characters, got x"));
    given()
        .baseUri(mock.baseUrl())
        .body(
            "orgs: [{orgId: 100737, earnInstances: [{earnedBadgeId: ffffffffffffffffffffffff, badgeMetaId: cccccccccccccccccccccccc, customerId: 5}]}]")
        .post("/__admin/revoke-earn/seed")
        .then()
        .statusCode(400)
        .body(
            "errors[0].message",
            equalTo("orgs[0].earnInstances[0].customerId 5 is not a customer of org 100737"));
    given()
        .baseUri(mock.baseUrl())
        .body("orgs: [{orgId: 5, tills: [{username: demo.till, password: x}]}]")
        .post("/__admin/revoke-earn/seed")
        .then()
        .statusCode(400)
        .body(
            "errors[0].message",
            equalTo("orgs[0].tills[0].username demo.till already belongs to org 100737"));
    assertThat(mock.state().orgIds()).containsOnly(100737L);
    assertThat(
            mock.state()
                .orgs()
                .ledger(100737)
                .orElseThrow()
                .store()
                .earn("ffffffffffffffffffffffff"))
        .isEmpty();
  }
}
