package dev.revokeearn.cli;

import static dev.revokeearn.testing.Fixtures.REVOKE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.revokeearn.junit.RevokeEarnMockExtension;
import dev.revokeearn.testing.JarProcess;
import org.junit.jupiter.api.Test;

/** The packaged jar as CI users run it: a child process, over HTTP, stopped with SIGTERM. */
class StandaloneJarIT {
  @Test
  void startsServesARevokeAndStopsWithExitCode0() throws Exception {
    try (JarProcess jar = JarProcess.start()) {
      String body =
          "{\"badgeMetaId\":\"653ddb33b3cda7078c7c68e9\",\"customerId\":62090013,"
              + "\"earnedBadgeId\":\"654cbea06bccde1274b6d3a2\"}";
      given()
          .baseUri(jar.baseUrl())
          .contentType("application/json")
          .header(
              "Authorization",
              RevokeEarnMockExtension.basicAuthorization("demo.till", "demo-password"))
          .body(body)
          .post(REVOKE)
          .then()
          .statusCode(200)
          .body("data.isActive", equalTo(false));

      assertThat(jar.stop()).isZero();
    }
  }

  @Test
  void withVerboseTheBannerIsStillTheFirstLine() throws Exception {
    try (JarProcess jar = JarProcess.start("--verbose")) {
      assertThat(jar.firstLine()).startsWith("revoke-earn mock ").contains(" ready at ");
      assertThat(jar.stop()).isZero();
    }
  }
}
