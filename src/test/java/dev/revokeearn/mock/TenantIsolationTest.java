package dev.revokeearn.mock;

import static dev.revokeearn.testing.Fixtures.EARN;
import static dev.revokeearn.testing.Fixtures.REVOKE;
import static dev.revokeearn.testing.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.revokeearn.seed.SeedFiles;
import dev.revokeearn.testing.Credentials;
import dev.revokeearn.testing.Fixtures;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each org's customers, badges and earn instances are invisible to the others. */
class TenantIsolationTest {
  static final String A_EARNED = "aaaaaaaaaaaaaaaaaaaaaaa1";
  static final String A_BADGE = "aaaaaaaaaaaaaaaaaaaaaaaa";
  static final String SEED =
      """
      orgs:
        - orgId: 1
          tills: [{username: a.till, password: a-pass}]
          customers: [{id: 500, email: same@example.com}]
          badges: [{badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa, claims: [{ownerType: Loyalty, referenceId: "1"}]}]
          earnInstances: [{earnedBadgeId: aaaaaaaaaaaaaaaaaaaaaaa1, badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa, customerId: 500}]
        - orgId: 2
          tills: [{username: b.till, password: b-pass}]
          customers: [{id: 500, email: same@example.com}]
          badges: [{badgeMetaId: bbbbbbbbbbbbbbbbbbbbbbbb, claims: [{ownerType: Loyalty, referenceId: "1"}]}]
      """;
  static RevokeEarnMock mock;

  @BeforeAll
  static void start() {
    mock =
        RevokeEarnMock.builder()
            .port(0)
            .seed(
                SeedFiles.parse(
                    new ByteArrayInputStream(SEED.getBytes(StandardCharsets.UTF_8)), "test"))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  @BeforeEach
  void reset() {
    mock.reset();
  }

  RequestSpecification as(String authorization) {
    return given()
        .baseUri(mock.baseUrl())
        .contentType("application/json")
        .header("Authorization", authorization);
  }

  @Test
  void anotherOrgsEarnInstanceIs814EvenForACustomerWithTheSameIdAndEmail() {
    String body =
        "{\"badgeMetaId\":\""
            + A_BADGE
            + "\",\"customerId\":500,\"earnedBadgeId\":\""
            + A_EARNED
            + "\"}";
    as(Credentials.basic("b.till", "b-pass"))
        .body(body)
        .post(REVOKE)
        .then()
        .statusCode(409)
        .body("errors[0].code", equalTo(814));
    as(Credentials.basic("b.till", "b-pass"))
        .header("X-CAP-CUSTOMER-IDENTIFIER", "email")
        .body(body.replace("500", "\"same@example.com\""))
        .post(REVOKE)
        .then()
        .statusCode(409)
        .body("errors[0].code", equalTo(814));

    as(Credentials.basic("a.till", "a-pass")).body(body).post(REVOKE).then().statusCode(200);
  }

  @Test
  void anotherOrgsBadgeIsNotFoundOnEarn() {
    as(Credentials.basic("b.till", "b-pass"))
        .body(
            "{\"badgeMetaId\":\""
                + A_BADGE
                + "\",\"customerId\":500,\"requestId\":\"r\",\"triggeredBy\":{\"ownerType\":\"Loyalty\",\"referenceId\":\"1\"}}")
        .post(EARN)
        .then()
        .statusCode(404);
  }

  @Test
  void aCreatedOrgIsEmptyUsableAndRemovable() {
    JsonPath org = Fixtures.createOrg(mock);
    long orgId = org.getLong("orgId");
    String auth = org.getString("basicAuthorization");
    assertThat(auth)
        .isEqualTo(
            Credentials.basic(org.getString("till.username"), org.getString("till.password")));

    // Empty: org 1's instance is invisible to it.
    String body =
        "{\"badgeMetaId\":\""
            + A_BADGE
            + "\",\"customerId\":500,\"earnedBadgeId\":\""
            + A_EARNED
            + "\"}";
    as(auth).body(body).post(REVOKE).then().statusCode(409);

    // Seeded through the admin API, it serves its own state with its own OAuth client.
    given()
        .baseUri(mock.baseUrl())
        .body(
            "orgs: [{orgId: %d, customers: [{id: 500}], badges: [{badgeMetaId: %s}], earnInstances: [{earnedBadgeId: %s, badgeMetaId: %s, customerId: 500}]}]"
                .formatted(orgId, A_BADGE, A_EARNED, A_BADGE))
        .post("/__admin/revoke-earn/seed")
        .then()
        .statusCode(200);
    String token =
        given()
            .baseUri(mock.baseUrl())
            .contentType("application/json")
            .body(
                "{\"key\":\"%s\",\"secret\":\"%s\"}"
                    .formatted(
                        org.getString("oauthClient.key"), org.getString("oauthClient.secret")))
            .post(TOKEN)
            .then()
            .statusCode(200)
            .extract()
            .path("data.accessToken");
    given()
        .baseUri(mock.baseUrl())
        .contentType("application/json")
        .header("X-CAP-API-OAUTH-TOKEN", token)
        .body(body)
        .post(REVOKE)
        .then()
        .statusCode(200);
    // ... and org 1's instance with the same id is untouched.
    as(Credentials.basic("a.till", "a-pass")).body(body).post(REVOKE).then().statusCode(200);

    given()
        .baseUri(mock.baseUrl())
        .delete("/__admin/revoke-earn/orgs/" + orgId)
        .then()
        .statusCode(200);
    as(auth).body(body).post(REVOKE).then().statusCode(401);
    given()
        .baseUri(mock.baseUrl())
        .contentType("application/json")
        .header("X-CAP-API-OAUTH-TOKEN", token)
        .body(body)
        .post(REVOKE)
        .then()
        .statusCode(401);
    given()
        .baseUri(mock.baseUrl())
        .delete("/__admin/revoke-earn/orgs/" + orgId)
        .then()
        .statusCode(404);
  }
}
