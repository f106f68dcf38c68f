package dev.revokeearn.wiremock;

import static dev.revokeearn.testing.Fixtures.DOC_REVOKE;
import static dev.revokeearn.testing.Fixtures.REVOKE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.revokeearn.testing.Credentials;
import dev.revokeearn.testing.JarProcess;
import dev.revokeearn.testing.Readme;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension jar in WireMock's own standalone jar (fetched from Maven Central by the build), as
 * a team that already runs WireMock adds it: a root holding this repository's {@code mappings/}
 * beside a stub of theirs, and {@code --extensions dev.revokeearn.wiremock.RevokeEarnExtensions}.
 */
class PlainWireMockIT {
  private static final Path WIREMOCKS = Path.of(System.getProperty("plain.wiremock.dir"));
  private static final Path EXTENSION = Path.of(System.getProperty("extension.jar"));
  private static final String NAME = RevokeEarnExtensions.class.getName();

  private static JarProcess wiremock;

  @BeforeAll
  static void startWireMockWithOurMappingsBesideTheirStubs(@TempDir Path root) throws Exception {
    wiremock = start(rootWithTheirStubs(root), List.of());
  }

  /**
   * This repository's mappings/ copied into a root, beside a stub of another API and one of ours.
   */
  private static Path rootWithTheirStubs(Path root) throws Exception {
    Files.createDirectories(root.resolve("mappings"));
    try (Stream<Path> ours = Files.list(Path.of("mappings"))) {
      for (Path mapping : ours.toList()) {
        Files.copy(mapping, root.resolve("mappings").resolve(mapping.getFileName()));
      }
    }
    // One stub a file: WireMock refuses DELETE /__admin/mappings for a root with multi-stub files.
    Files.writeString(
        root.resolve("mappings/their-weather-api.json"),
        """
        {"request": {"method": "GET", "url": "/weather"},
         "response": {"status": 200, "body": "sunny"}}
        """);
    Files.writeString(
        root.resolve("mappings/their-revoke-outage.json"),
        """
        {"priority": 1,
         "request": {"method": "POST", "urlPath": "/api_gateway/v1/badges/customer/revokeEarn",
                     "headers": {"X-Their-Scenario": {"equalTo": "maintenance"}}},
         "response": {"status": 503, "body": "their own stub"}}
        """);
    return root;
  }

  @AfterAll
  static void stop() {
    if (wiremock != null) {
      wiremock.close();
    }
  }

  @Test
  void theirStubsAnswerBesideTheApi() {
    at(wiremock).get("/weather").then().statusCode(200).body(equalTo("sunny"));
    revoke(wiremock, Credentials.demo(), DOC_REVOKE)
        .header("X-Their-Scenario", "maintenance")
        .post(REVOKE)
        .then()
        .statusCode(503)
        .body(equalTo("their own stub"));
  }

  /**
   * A charset Java does not know gets the standalone's 400, not WireMock's 500 page (sent by
   * java.net.http: REST Assured refuses to send it).
   */
  @Test
  void anUnknownCharsetIsA400InTheEnvelope() throws Exception {
    // (On the admin API, WireMock's own servlet reads such a body before any extension runs.)
    for (String path : List.of(REVOKE)) {
      java.net.http.HttpResponse<String> answer =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(wiremock.baseUrl() + path))
                      .header("Authorization", Credentials.demo())
                      .header("Content-Type", "application/json; charset=bogus")
                      .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.body()).contains("\"reference\":\"Content-Type\"");
    }
  }

  @Test
  void theReadmeCurlSessionPrintsWhatTheReadmeSays() throws Exception {
    assertThat(Readme.curlSession(wiremock.baseUrl())).isEqualTo(Readme.curlSessionOutput());
  }

  @Test
  void checkCertifiesIt(@TempDir Path reports) throws Exception {
    at(wiremock).post("/__admin/reset").then().statusCode(200);
    JarProcess.Finished check =
        JarProcess.run(
            Credentials.DEMO_CHECK_ENV,
            "check",
            "--base-url",
            wiremock.baseUrl(),
            "--report-dir",
            reports.toString());
    assertThat(check.output()).contains("PASSED");
    assertThat(check.exitCode()).as(check.output()).isZero();
  }

  /**
   * WireMock's own resets do what WireMock documents, and the reference implementation follows:
   * {@code DELETE /__admin/mappings} removes every stub and deletes its file, so the API is gone
   * (WireMock's 404); a reset of the mappings loads what the root still holds, and the extension
   * adds its routes back, with the seed.
   */
  @Test
  void wireMocksOwnResetsTakeTheSeedAlong(@TempDir Path root) throws Exception {
    try (JarProcess own = start(rootWithTheirStubs(root), List.of())) {
      revokeDoc(own).then().statusCode(200);
      revokeDoc(own).then().statusCode(409).body("errors[0].code", equalTo(814));
      at(own).post("/__admin/reset").then().statusCode(200);
      revokeDoc(own).then().statusCode(200);

      at(own).delete("/__admin/mappings").then().statusCode(200);
      assertThat(root.resolve("mappings")).isEmptyDirectory();
      revokeDoc(own).then().statusCode(404);
      at(own).get("/weather").then().statusCode(404);

      at(own).post("/__admin/mappings/reset").then().statusCode(200);
      at(own).get("/weather").then().statusCode(404);
      revokeDoc(own).then().statusCode(200);
    }
  }

  /**
   * With no copy of mappings/ in the root, the extension adds its routes, and reads a seed file.
   */
  @Test
  void anEmptyRootGetsTheRoutesAndTheSeedFileNamed(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("mappings"));
    Path seed = root.resolve("seed.yaml");
    Files.writeString(
        seed,
        """
        orgs:
          - orgId: 7
            tills: [{username: ci.till, password: ci-password}]
            customers: [{id: 1}]
            badges: [{badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa}]
            earnInstances:
              - {earnedBadgeId: bbbbbbbbbbbbbbbbbbbbbbbb, badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa, customerId: 1}
        """);
    try (JarProcess own = start(root, List.of("-Drevoke-earn.seed=" + seed))) {
      String ours =
          "{\"badgeMetaId\":\"aaaaaaaaaaaaaaaaaaaaaaaa\",\"customerId\":1,"
              + "\"earnedBadgeId\":\"bbbbbbbbbbbbbbbbbbbbbbbb\"}";
      String till = Credentials.basic("ci.till", "ci-password");
      revoke(own, till, ours).post(REVOKE).then().statusCode(200);
      revoke(own, till, ours).post(REVOKE).then().statusCode(409);
      // Not the demo seed: its till is unknown here.
      revoke(own, Credentials.demo(), DOC_REVOKE).post(REVOKE).then().statusCode(401);
    }
  }

  /** WireMock 3.1 lacks the mappings loaders: it refuses the extension at once, naming what. */
  @Test
  void anOlderWireMockRefusesItNamingWhatIsMissing(@TempDir Path root) throws Exception {
    Process old =
        new ProcessBuilder(
                "java",
                "-cp",
                WIREMOCKS.resolve("wiremock-standalone-too-old.jar") + ":" + EXTENSION,
                "wiremock.Run",
                "--port",
                "0",
                "--root-dir",
                root.toString(),
                "--extensions",
                NAME)
            .redirectErrorStream(true)
            .start();
    String output = new String(old.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(old.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(old.exitValue()).isNotZero();
    assertThat(output.lines().findFirst().orElse(""))
        .contains("NoClassDefFoundError")
        .contains("MappingsLoaderExtension");
  }

  private static JarProcess start(Path root, List<String> jvmOptions) throws Exception {
    return JarProcess.plainWireMock(
        List.of(WIREMOCKS.resolve("wiremock-standalone.jar"), EXTENSION),
        jvmOptions,
        "--root-dir",
        root.toString(),
        "--extensions",
        NAME,
        "--disable-request-logging");
  }

  private static RequestSpecification at(JarProcess server) {
    return given().baseUri(server.baseUrl());
  }

  private static RequestSpecification revoke(JarProcess server, String auth, String body) {
    return at(server).header("Authorization", auth).contentType("application/json").body(body);
  }

  private static Response revokeDoc(JarProcess server) {
    return revoke(server, Credentials.demo(), DOC_REVOKE).post(REVOKE);
  }
}
