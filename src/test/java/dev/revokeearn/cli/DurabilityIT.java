package dev.revokeearn.cli;

import static dev.revokeearn.testing.Fixtures.REVOKE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.junit.RevokeEarnMockExtension;
import dev.revokeearn.testing.JarProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With --state-dir, a 200 the client received is never lost: the jar is killed with SIGKILL under
 * load, restarted on the same directory, and every acknowledged earn and revoke is still there.
 */
class DurabilityIT {
  static final int KILLS = 3;
  static final int CLIENTS = 8;
  static final String AUTH =
      RevokeEarnMockExtension.basicAuthorization("demo.till", "demo-password");
  static final Pattern EARNED = Pattern.compile("\"earnedBadgeId\":\"([0-9a-f]{24})\"");

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  final Set<String> earned = ConcurrentHashMap.newKeySet();
  final Set<String> revoked = ConcurrentHashMap.newKeySet();

  @Test
  void acknowledgedEarnsAndRevokesSurviveSigkill(@TempDir Path stateDir) throws Exception {
    for (int kill = 1; kill <= KILLS; kill++) {
      try (JarProcess jar = JarProcess.start("--state-dir", stateDir.toString())) {
        verifyAcknowledged(jar.baseUrl());
        runLoadThenKill(jar);
      }
    }
    try (JarProcess jar = JarProcess.start("--state-dir", stateDir.toString())) {
      verifyAcknowledged(jar.baseUrl());
      assertThat(earned).as("acknowledged earns").hasSizeGreaterThan(KILLS * 10);
      assertThat(revoked).as("acknowledged revokes").hasSizeGreaterThan(KILLS * 10);
      // Exactly once, across restarts: an acknowledged revoke cannot happen again.
      String again = revoked.iterator().next();
      assertThat(post(jar.baseUrl(), REVOKE, revokeBody(again)).statusCode()).isEqualTo(409);
      assertThat(jar.stop()).isZero();
    }
    System.out.printf(
        "durability: %d SIGKILLs survived, %d acknowledged earns and %d acknowledged revokes kept%n",
        KILLS, earned.size(), revoked.size());
  }

  private void runLoadThenKill(JarProcess jar) throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      Thread client =
          new Thread(
              () -> {
                while (running.get()) {
                  try {
                    earnThenRevoke(jar.baseUrl());
                  } catch (Exception e) {
                    return; // the server is gone
                  }
                }
              });
      client.start();
      clients.add(client);
    }
    // Killed mid-load once this run has had acknowledgements of its own (a fixed pause got too few
    // on a busy machine), plus a moment more so that requests are in flight.
    int wanted = revoked.size() + 11;
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (revoked.size() < wanted && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(300);
    jar.kill();
    running.set(false);
    for (Thread client : clients) {
      client.join(10_000);
    }
  }

  private void earnThenRevoke(String baseUrl) throws Exception {
    HttpResponse<String> earn =
        post(
            baseUrl,
            "/api_gateway/v1/badges/customer/earn",
            "{\"badgeMetaId\":\"66276dc68fe258516a88ff8e\",\"customerId\":62090013,\"requestId\":\""
                + UUID.randomUUID()
                + "\",\"triggeredBy\":{\"ownerType\":\"Loyalty\",\"referenceId\":\"123694\"}}");
    if (earn.statusCode() != 200) {
      return;
    }
    Matcher id = EARNED.matcher(earn.body());
    assertThat(id.find()).isTrue();
    earned.add(id.group(1));
    if (post(baseUrl, REVOKE, revokeBody(id.group(1))).statusCode() == 200) {
      revoked.add(id.group(1));
    }
  }

  private void verifyAcknowledged(String baseUrl) throws Exception {
    for (String id : earned) {
      HttpResponse<String> instance =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(baseUrl + "/__admin/revoke-earn/earn-instances/" + id))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(instance.statusCode()).as("acknowledged earn %s after restart", id).isEqualTo(200);
      if (revoked.contains(id)) {
        assertThat(instance.body())
            .as("acknowledged revoke %s after restart", id)
            .contains("\"active\":false");
      }
    }
  }

  private static String revokeBody(String earnedBadgeId) {
    return "{\"badgeMetaId\":\"66276dc68fe258516a88ff8e\",\"customerId\":62090013,\"earnedBadgeId\":\""
        + earnedBadgeId
        + "\"}";
  }

  private HttpResponse<String> post(String baseUrl, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(5))
            .header("Authorization", AUTH)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
