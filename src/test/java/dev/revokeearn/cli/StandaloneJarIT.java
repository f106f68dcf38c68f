package dev.revokeearn.cli;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.revokeearn.junit.RevokeEarnMockExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The packaged jar as CI users run it: a child process, over HTTP, stopped with SIGTERM. */
class StandaloneJarIT {
  static final Pattern READY = Pattern.compile("ready at (http://\\S+)");

  @Test
  void startsServesARevokeAndStopsWithExitCode0() throws Exception {
    Path jar = Path.of(System.getProperty("mock.jar", "target/revoke-earn-mock.jar"));
    assertThat(jar).exists();
    Process process =
        new ProcessBuilder("java", "-jar", jar.toString(), "--port", "0")
            .redirectErrorStream(true)
            .start();
    try {
      String baseUrl = awaitReady(process);
      String body =
          "{\"badgeMetaId\":\"653ddb33b3cda7078c7c68e9\",\"customerId\":62090013,"
              + "\"earnedBadgeId\":\"654cbea06bccde1274b6d3a2\"}";
      given()
          .baseUri(baseUrl)
          .contentType("application/json")
          .header(
              "Authorization",
              RevokeEarnMockExtension.basicAuthorization("demo.till", "demo-password"))
          .body(body)
          .post("/api_gateway/v1/badges/customer/revokeEarn")
          .then()
          .statusCode(200)
          .body("data.isActive", equalTo(false));

      process.destroy(); // SIGTERM
      assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("stopped in time").isTrue();
      assertThat(process.exitValue()).isZero();
    } finally {
      process.destroyForcibly();
    }
  }

  private static String awaitReady(Process process) throws Exception {
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String line;
    while (System.nanoTime() < deadline && (line = lines.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher ready = READY.matcher(line);
      if (ready.find()) {
        Thread drain = new Thread(() -> lines.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
        return ready.group(1);
      }
    }
    throw new AssertionError("the jar did not print its banner; output:\n" + seen);
  }
}
