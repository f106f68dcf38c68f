package dev.revokeearn.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import dev.revokeearn.testing.Credentials;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The admin API's guard, and credentials kept out of logs. */
class AdminSecurityTest {
  @Test
  void withATokenTheAdminApiNeedsIt() {
    try (RevokeEarnMock mock =
        RevokeEarnMock.builder().port(0).adminToken("s3cret").build().start()) {
      given().baseUri(mock.baseUrl()).get("/__admin/revoke-earn/state").then().statusCode(401);
      given()
          .baseUri(mock.baseUrl())
          .header("Authorization", "Bearer wrong")
          .get("/__admin/revoke-earn/state")
          .then()
          .statusCode(401);
      given().baseUri(mock.baseUrl()).post("/__admin/reset").then().statusCode(401);
      given()
          .baseUri(mock.baseUrl())
          .header("Authorization", "Bearer s3cret")
          .get("/__admin/revoke-earn/state")
          .then()
          .statusCode(200);
      given()
          .baseUri(mock.baseUrl())
          .header("Authorization", "bearer s3cret")
          .get("/__admin/revoke-earn/state")
          .then()
          .statusCode(200);
      given()
          .baseUri(mock.baseUrl())
          .header("Authorization", "Bearer s3cret2")
          .get("/__admin/revoke-earn/state")
          .then()
          .statusCode(401);
      // A readiness probe needs no token; health tells nothing of the state.
      given().baseUri(mock.baseUrl()).get("/__admin/health").then().statusCode(200);
      given().baseUri(mock.baseUrl()).post("/__admin/health").then().statusCode(401);
    }
  }

  @Test
  void byDefaultOnlyLoopbackClientsMayUseTheAdminApi() {
    AdminGuard guard = new AdminGuard(false, null);
    assertThat(guard.authenticate(request("127.0.0.1"))).isTrue();
    assertThat(guard.authenticate(request("::1"))).isTrue();
    assertThat(guard.authenticate(request("10.1.2.3"))).isFalse();
    assertThat(guard.authenticate(request("192.168.0.7"))).isFalse();
    assertThat(guard.authenticate(request("not-an-address.example"))).isFalse();
    assertThat(new AdminGuard(true, null).authenticate(request("10.1.2.3"))).isTrue();
    assertThat(new AdminGuard(true, "t").authenticate(request("10.1.2.3"))).isFalse();
  }

  @Test
  void verboseLogsNeverShowCredentialsTokensOrPasswords() {
    List<String> log = new CopyOnWriteArrayList<>();
    Notifier capture =
        new Notifier() {
          @Override
          public void info(String message) {
            log.add(message);
          }

          @Override
          public void error(String message) {
            log.add(message);
          }

          @Override
          public void error(String message, Throwable t) {
            log.add(message);
          }
        };
    try (RevokeEarnMock mock =
        RevokeEarnMock.builder().port(0).verbose(true).notifier(capture).build().start()) {
      String token =
          given()
              .baseUri(mock.baseUrl())
              .contentType("application/json")
              .body("{\"key\":\"demo-key\",\"secret\":\"demo-secret\"}")
              .post("/v3/oauth/token/generate")
              .then()
              .statusCode(200)
              .extract()
              .path("data.accessToken");
      given()
          .baseUri(mock.baseUrl())
          .contentType("application/json")
          .header("X-CAP-API-OAUTH-TOKEN", token)
          .body("{}")
          .post("/api_gateway/v1/badges/customer/revokeEarn");
      given()
          .baseUri(mock.baseUrl())
          .contentType("application/json")
          .header("Authorization", Credentials.demo())
          .body("{}")
          .post("/api_gateway/v1/badges/customer/revokeEarn");
      given()
          .baseUri(mock.baseUrl())
          .body("orgs: [{orgId: 77, tills: [{username: x.till, password: hunter2}]}]")
          .post("/__admin/revoke-earn/seed");

      String all = String.join("\n", log);
      assertThat(all).contains("/api_gateway/v1/badges/customer/revokeEarn"); // it did log requests
      assertThat(all)
          .doesNotContain(token)
          .doesNotContain("demo-secret")
          .doesNotContain(Credentials.demo().substring("Basic ".length()))
          .doesNotContain("hunter2");
    }
  }

  @Test
  void redactionCoversHeadersJsonAndYaml() {
    assertThat(
            RedactingNotifier.redact(
                "Authorization: Basic abc\nX-CAP-API-OAUTH-TOKEN: t.t.t\nHost: x"))
        .isEqualTo("Authorization: [redacted]\nX-CAP-API-OAUTH-TOKEN: [redacted]\nHost: x");
    assertThat(
            RedactingNotifier.redact(
                "{\"key\":\"k\",\"secret\":\"s\\\"x\",\"accessToken\":\"a.b\"}"))
        .isEqualTo("{\"key\":\"k\",\"secret\":\"[redacted]\",\"accessToken\":\"[redacted]\"}");
    assertThat(
            RedactingNotifier.redact(
                "\"body\" : \"{\\\"accessToken\\\":\\\"a.b.c\\\",\\\"ttlSeconds\\\":300}\""))
        .isEqualTo(
            "\"body\" : \"{\\\"accessToken\\\":\\\"[redacted]\\\",\\\"ttlSeconds\\\":300}\"");
    assertThat(RedactingNotifier.redact("tills: [{username: u, password: hunter2}]"))
        .isEqualTo("tills: [{username: u, password: [redacted]}]");
  }

  private static ImmutableRequest request(String clientIp) {
    return ImmutableRequest.create()
        .withAbsoluteUrl("http://localhost/__admin/revoke-earn/state")
        .withMethod(RequestMethod.GET)
        .withClientIp(clientIp)
        .build();
  }
}
