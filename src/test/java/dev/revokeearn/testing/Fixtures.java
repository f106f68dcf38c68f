package dev.revokeearn.testing;

import static io.restassured.RestAssured.given;

import dev.revokeearn.api.Operation;
import dev.revokeearn.mock.RevokeEarnMock;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * What the HTTP tests share: the contract's paths, the public documentation's revoke (as the demo
 * seed holds it), and a request with the demo till's credentials.
 */
public final class Fixtures {
  public static final String REVOKE = Operation.REVOKE_EARN.path();
  public static final String EARN = Operation.EARN.path();
  public static final String TOKEN = Operation.TOKEN.path();

  /** The public documentation's example: the demo seed's first active earn instance. */
  public static final String DOC_BADGE = "653ddb33b3cda7078c7c68e9";

  public static final String DOC_EARNED = "654cbea06bccde1274b6d3a2";
  public static final String DOC_REVOKE =
      "{\"badgeMetaId\":\""
          + DOC_BADGE
          + "\",\"customerId\":62090013,\"earnedBadgeId\":\""
          + DOC_EARNED
          + "\"}";

  private Fixtures() {}

  /** A JSON request to the mock with the demo till's Basic credentials. */
  public static RequestSpecification api(RevokeEarnMock mock) {
    return given()
        .baseUri(mock.baseUrl())
        .contentType("application/json")
        .header("Authorization", Credentials.demo());
  }

  /** A fresh org made over the admin API (201): orgId, till, oauthClient, basicAuthorization. */
  public static JsonPath createOrg(RevokeEarnMock mock) {
    return given()
        .baseUri(mock.baseUrl())
        .post("/__admin/revoke-earn/orgs")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }
}
