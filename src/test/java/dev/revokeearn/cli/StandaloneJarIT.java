package dev.revokeearn.cli;

import static dev.revokeearn.testing.Fixtures.REVOKE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.revokeearn.junit.RevokeEarnMockExtension;
import dev.revokeearn.testing.JarProcess;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

  /**
   * A body refused while it streams (413 past 64 KiB) closes its connection with a read pending:
   * that is the refusal working, and says nothing in the log (Jetty warned, a kilobyte a line).
   */
  @Test
  void aBodyRefusedWhileItStreamsLeavesTheLogQuiet() throws Exception {
    try (JarProcess jar = JarProcess.start()) {
      URI base = URI.create(jar.baseUrl());
      try (Socket socket = new Socket(base.getHost(), base.getPort())) {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST "
                    + REVOKE
                    + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] chunk =
            ("1000\r\n" + "a".repeat(0x1000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 17; i++) {
          out.write(chunk); // 68 KiB, and no last chunk
        }
        out.flush();
        assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
            .isEqualTo("HTTP/1.1 413");
      }
      Thread.sleep(500); // the connection's end is logged, if at all, just after the answer
      assertThat(jar.printedSinceReady()).doesNotContain("WARN").doesNotContain("Pending read");
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
