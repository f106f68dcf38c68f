package dev.revokeearn.mock;

import static dev.revokeearn.testing.Fixtures.REVOKE;
import static dev.revokeearn.testing.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.common.Notifier;
import dev.revokeearn.testing.Credentials;
import io.restassured.response.ValidatableResponse;
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

  /** The peer is the connection's: X-Forwarded-For, which any client can send, changes nothing. */
  @Test
  void theAdminApiJudgesTheConnectionNotItsHeaders() {
    try (RevokeEarnMock mock = RevokeEarnMock.builder().port(0).build().start()) {
      given()
          .baseUri(mock.baseUrl())
          .header("X-Forwarded-For", "10.1.2.3")
          .get("/__admin/revoke-earn/state")
          .then()
          .statusCode(200);
    }
  }

  /**
   * A page open in a browser here must not drive the admin API: a form POST needs no CORS
   * permission, and WireMock grants preflights to any origin.
   */
  @Test
  void webPagesMayNotUseTheAdminApiWithoutAToken() {
    try (RevokeEarnMock mock = RevokeEarnMock.builder().port(0).build().start()) {
      revokeTheDocInstance(mock).statusCode(200);
      given()
          .baseUri(mock.baseUrl())
          .header("Origin", "http://evil.example")
          .contentType("text/plain")
          .post("/__admin/reset")
          .then()
          .statusCode(403)
          .body("errors[0].reference", org.hamcrest.Matchers.equalTo("Origin"));
      given()
          .baseUri(mock.baseUrl())
          .header("Origin", "http://evil.example")
          .header("Access-Control-Request-Method", "DELETE")
          .options("/__admin/revoke-earn/orgs/100737")
          .then()
          .statusCode(403)
          .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
      revokeTheDocInstance(mock).statusCode(409); // not reset
    }
    try (RevokeEarnMock mock =
        RevokeEarnMock.builder().port(0).adminToken("s3cret").build().start()) {
      given()
          .baseUri(mock.baseUrl())
          .header("Origin", "http://tool.example")
          .header("Authorization", "Bearer s3cret")
          .get("/__admin/revoke-earn/state")
          .then()
          .statusCode(200);
    }
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
              .post(TOKEN)
              .then()
              .statusCode(200)
              .extract()
              .path("data.accessToken");
      given()
          .baseUri(mock.baseUrl())
          .contentType("application/json")
          .header("X-CAP-API-OAUTH-TOKEN", token)
          .body("{}")
          .post(REVOKE);
      given()
          .baseUri(mock.baseUrl())
          .contentType("application/json")
          .header("Authorization", Credentials.demo())
          .body("{}")
          .post(REVOKE);
      given()
          .baseUri(mock.baseUrl())
          .body("orgs: [{orgId: 77, tills: [{username: x.till, password: hunter2}]}]")
          .post("/__admin/revoke-earn/seed");

      String all = String.join("\n", log);
      assertThat(all).contains(REVOKE); // it did log requests
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
    assertThat(RedactingNotifier.redact("Cookie: [session=sekret]\nHost: x"))
        .isEqualTo("Cookie: [redacted]\nHost: x");
    assertThat(
            RedactingNotifier.redact(
                "POST /revokeEarn?access_token=a.b.c&x=1&password=hunter2&apiKey=k#f HTTP/1.1"))
        .isEqualTo(
            "POST /revokeEarn?access_token=[redacted]&x=1&password=[redacted]&apiKey=[redacted]#f"
                + " HTTP/1.1");
    // No value to redact here (no '='); a pattern that backtracked would take minutes on it.
    String hostile = "?" + "key".repeat(20_000) + "&" + "a".repeat(60_000);
    assertThat(RedactingNotifier.redact(hostile)).isEqualTo(hostile);
  }

  /** Redaction by meaning: each name a secret goes by, however it is spelled or encoded. */
  @Test
  void everyNameASecretGoesByIsRedacted() {
    for (String header :
        List.of(
            "Authorization",
            "Proxy-Authorization",
            "Cookie",
            "Set-Cookie",
            "X-CAP-API-OAUTH-TOKEN",
            "X-Api-Key",
            "Api-Key",
            "X-Auth-Token",
            "X-Access-Token",
            "X-Session-Id",
            "X-Client-Secret")) {
      assertThat(RedactingNotifier.redact(header + ": s3cr3t\nHost: x"))
          .as(header)
          .isEqualTo(header + ": [redacted]\nHost: x");
    }
    for (String name :
        List.of(
            "access_token",
            "password",
            "pass%77ord",
            "PASSWORD",
            "apiKey",
            "api_key",
            "auth",
            "secret",
            "client_secret",
            "session",
            "signature",
            "pwd")) {
      assertThat(RedactingNotifier.redact("GET /x?a=1&" + name + "=s3cr3t&b=2 HTTP/1.1"))
          .as(name)
          .isEqualTo("GET /x?a=1&" + name + "=[redacted]&b=2 HTTP/1.1");
    }
    assertThat(RedactingNotifier.redact("{\"clientSecret\":\"s3cr3t\",\"key\":\"k\"}"))
        .isEqualTo("{\"clientSecret\":\"[redacted]\",\"key\":\"k\"}");
    assertThat(
            RedactingNotifier.redact(
                "Content-Type: application/json\nX-CAP-CUSTOMER-IDENTIFIER: email"))
        .isEqualTo("Content-Type: application/json\nX-CAP-CUSTOMER-IDENTIFIER: email");
  }

  private static ValidatableResponse revokeTheDocInstance(RevokeEarnMock mock) {
    return given()
        .baseUri(mock.baseUrl())
        .header("Authorization", Credentials.basic("demo.till", "demo-password"))
        .contentType("application/json")
        .body(
            "{\"badgeMetaId\":\"653ddb33b3cda7078c7c68e9\",\"customerId\":62090013,"
                + "\"earnedBadgeId\":\"654cbea06bccde1274b6d3a2\"}")
        .post(REVOKE)
        .then();
  }

  /** WireMock's own errors reach the log as one line each, never as a stack trace. */
  @Test
  void wireMocksOwnErrorsAreOneLineInTheLog() {
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Throwable> traces = new java.util.concurrent.CopyOnWriteArrayList<>();
    Notifier capture =
        new Notifier() {
          @Override
          public void info(String message) {
            lines.add(message);
          }

          @Override
          public void error(String message) {
            lines.add(message);
          }

          @Override
          public void error(String message, Throwable t) {
            lines.add(message);
            traces.add(t);
          }
        };
    try (RevokeEarnMock mock = RevokeEarnMock.builder().port(0).notifier(capture).build().start()) {
      given()
          .baseUri(mock.baseUrl())
          .body("{}")
          .post("/__admin/mappings/import")
          .then()
          .statusCode(400)
          .body("errors[0].message", org.hamcrest.Matchers.startsWith("WireMock refused"));

      assertThat(traces).as("errors handed on with their stack trace").isEmpty();
      assertThat(lines)
          .anySatisfy(
              line -> assertThat(line).contains("NullPointerException").doesNotContain("\n"));
    }
  }
}
