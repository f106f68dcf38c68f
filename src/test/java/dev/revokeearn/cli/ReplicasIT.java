package dev.revokeearn.cli;

import static dev.revokeearn.testing.Fixtures.EARN;
import static dev.revokeearn.testing.Fixtures.REVOKE;
import static dev.revokeearn.testing.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.junit.RevokeEarnMockExtension;
import dev.revokeearn.testing.JarProcess;
import dev.revokeearn.testing.Postgres;
import dev.revokeearn.testing.Race;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Two jars on one PostgreSQL (--state-url), as replicas behind a load balancer run: whatever one
 * replica writes, the other sees at once; races across both have one winner; a replica killed with
 * SIGKILL loses nothing it acknowledged.
 */
class ReplicasIT {
  static final String BADGE = "66276dc68fe258516a88ff8e";
  static final String AUTH =
      RevokeEarnMockExtension.basicAuthorization("demo.till", "demo-password");
  static final Pattern EARNED = Pattern.compile("\"earnedBadgeId\":\"([0-9a-f]{24})\"");
  static final Pattern FIELD = Pattern.compile("\"(\\w+)\":\"([^\"]*)\"");

  static String url;
  static JarProcess a;
  static JarProcess b;
  static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeAll
  static void startReplicas() throws Exception {
    url = Postgres.newDatabase();
    a = JarProcess.start("--state-url", url);
    b = JarProcess.start("--state-url", url, "--state-pool-size", "8");
  }

  @AfterAll
  static void stopReplicas() {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
  }

  @Test
  void anEarnOnOneReplicaIsRevokedOnTheOtherOnceThen814OnEither() throws Exception {
    String earned = earn(a.baseUrl());

    assertThat(revoke(b.baseUrl(), earned).statusCode()).isEqualTo(200);
    HttpResponse<String> again = revoke(a.baseUrl(), earned);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("\"code\":814");
    assertThat(revoke(b.baseUrl(), earned).statusCode()).isEqualTo(409);
  }

  @RepeatedTest(5)
  void sixtyFourRevokesAcrossBothReplicasHaveExactlyOneWinner() throws Exception {
    String earned = earn(b.baseUrl());
    AtomicInteger turn = new AtomicInteger();

    List<Integer> statuses =
        Race.run(
            64,
            () -> revoke((turn.getAndIncrement() % 2 == 0 ? a : b).baseUrl(), earned).statusCode());

    assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
  }

  @Test
  void theSameRequestIdOnBothReplicasEarnsOnce() throws Exception {
    String requestId = UUID.randomUUID().toString();
    AtomicInteger turn = new AtomicInteger();

    List<Integer> statuses =
        Race.run(
            16,
            () ->
                earnWith((turn.getAndIncrement() % 2 == 0 ? a : b).baseUrl(), requestId)
                    .statusCode());

    assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 400);
  }

  @Test
  void anOrgAndATokenMadeOnOneReplicaWorkOnTheOther() throws Exception {
    HttpResponse<String> org = send(a.baseUrl(), "POST", "/__admin/revoke-earn/orgs", "", null);
    assertThat(org.statusCode()).isEqualTo(201);
    String key = field(org.body(), "key");
    String secret = field(org.body(), "secret");

    HttpResponse<String> token =
        send(
            b.baseUrl(),
            "POST",
            TOKEN,
            "{\"key\":\"" + key + "\",\"secret\":\"" + secret + "\"}",
            null);
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    String accessToken = field(token.body(), "accessToken");

    HttpResponse<String> revoke =
        http.send(
            HttpRequest.newBuilder(URI.create(a.baseUrl() + REVOKE))
                .header("X-CAP-API-OAUTH-TOKEN", accessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(revokeBody("aaaaaaaaaaaaaaaaaaaaaaaa")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(revoke.statusCode()).as("the org has no such instance: 814, not 401").isEqualTo(409);
  }

  @Test
  void aFaultDeclaredOnOneReplicaFiresOnceAcrossBoth() throws Exception {
    String earned = earn(a.baseUrl());
    HttpResponse<String> declared =
        send(
            a.baseUrl(),
            "POST",
            "/__admin/revoke-earn/faults",
            "{\"orgId\":100737,\"operation\":\"revokeEarn\",\"match\":{\"earnedBadgeId\":\""
                + earned
                + "\"},\"times\":1,\"fault\":{\"type\":\"error\",\"status\":503}}",
            null);
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);

    assertThat(revoke(b.baseUrl(), earned).statusCode()).isEqualTo(503);
    assertThat(revoke(a.baseUrl(), earned).statusCode()).isEqualTo(200);
  }

  @Test
  void aResetThroughOneReplicaResetsTheSharedState() throws Exception {
    String seeded = "654cbea06bccde1274b6d3a2";
    send(a.baseUrl(), "POST", REVOKE, docRevoke(seeded), AUTH);
    assertThat(send(b.baseUrl(), "POST", REVOKE, docRevoke(seeded), AUTH).statusCode())
        .isEqualTo(409);

    assertThat(send(b.baseUrl(), "POST", "/__admin/reset", "", null).statusCode()).isEqualTo(200);

    assertThat(send(a.baseUrl(), "POST", REVOKE, docRevoke(seeded), AUTH).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aReplicaKilledUnderLoadLosesNothingItAcknowledged() throws Exception {
    Set<String> earned = ConcurrentHashMap.newKeySet();
    Set<String> revoked = ConcurrentHashMap.newKeySet();
    JarProcess victim = JarProcess.start("--state-url", url);
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      // Earns on the victim, revokes on either: what the victim acknowledged must be in the
      // database the survivor reads.
      String revokeOn = i % 2 == 0 ? victim.baseUrl() : b.baseUrl();
      Thread client =
          new Thread(
              () -> {
                while (running.get()) {
                  try {
                    String id = earn(victim.baseUrl());
                    earned.add(id);
                    if (revoke(revokeOn, id).statusCode() == 200) {
                      revoked.add(id);
                    }
                  } catch (Exception | AssertionError e) {
                    return; // the victim is gone
                  }
                }
              });
      client.start();
      clients.add(client);
    }
    Thread.sleep(2000);
    victim.kill();
    running.set(false);
    for (Thread client : clients) {
      client.join(10_000);
    }

    assertThat(earned).hasSizeGreaterThan(10);
    for (String id : earned) {
      HttpResponse<String> instance =
          send(b.baseUrl(), "GET", "/__admin/revoke-earn/earn-instances/" + id, null, null);
      assertThat(instance.statusCode()).as("acknowledged earn %s", id).isEqualTo(200);
      if (revoked.contains(id)) {
        assertThat(instance.body()).as("acknowledged revoke %s", id).contains("\"active\":false");
      }
    }
    System.out.printf(
        "replicas: after a SIGKILL, %d acknowledged earns and %d revokes found on the other%n",
        earned.size(), revoked.size());
  }

  @Test
  void theReplicasScriptStartsReplicasThatShareStateAndStopsThemAll() throws Exception {
    int port = twoFreePorts();
    Process script =
        new ProcessBuilder(
                "bash",
                "scripts/replicas.sh",
                "-n",
                "2",
                "-p",
                String.valueOf(port),
                "-j",
                System.getProperty("mock.jar", "target/revoke-earn-mock.jar"),
                url)
            .redirectErrorStream(true)
            .start();
    try {
      java.io.BufferedReader lines =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  script.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
      StringBuilder seen = new StringBuilder();
      String line;
      while ((line = lines.readLine()) != null && !line.startsWith("all 2 replicas serve")) {
        seen.append(line).append('\n');
      }
      assertThat(line).as(seen.toString()).isNotNull();
      String first = "http://127.0.0.1:" + port;
      String second = "http://127.0.0.1:" + (port + 1);
      assertThat(seen.toString()).contains("replica 0: " + first, "replica 1: " + second);

      String earned = earn(first);
      assertThat(revoke(second, earned).statusCode()).isEqualTo(200);
      assertThat(revoke(first, earned).statusCode()).isEqualTo(409);

      script.destroy(); // SIGTERM, as Ctrl-C would
      assertThat(script.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      for (int replica : new int[] {port, port + 1}) {
        assertThat(free(replica)).as("replica on port %d stopped", replica).isTrue();
      }
    } finally {
      script.destroyForcibly();
    }
  }

  /** A port p with p + 1 free too, for the script's consecutive ports. */
  static int twoFreePorts() throws Exception {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port;
      try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      if (port < 65535 && free(port) && free(port + 1)) {
        return port;
      }
    }
    throw new AssertionError("no two consecutive free ports");
  }

  static boolean free(int port) {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  static String earn(String baseUrl) throws Exception {
    HttpResponse<String> earn = earnWith(baseUrl, UUID.randomUUID().toString());
    assertThat(earn.statusCode()).as(earn.body()).isEqualTo(200);
    Matcher id = EARNED.matcher(earn.body());
    assertThat(id.find()).isTrue();
    return id.group(1);
  }

  static HttpResponse<String> earnWith(String baseUrl, String requestId) throws Exception {
    return send(
        baseUrl,
        "POST",
        EARN,
        "{\"badgeMetaId\":\""
            + BADGE
            + "\",\"customerId\":62090013,\"requestId\":\""
            + requestId
            + "\",\"triggeredBy\":{\"ownerType\":\"Loyalty\",\"referenceId\":\"123694\"}}",
        AUTH);
  }

  static HttpResponse<String> revoke(String baseUrl, String earnedBadgeId) throws Exception {
    return send(baseUrl, "POST", REVOKE, revokeBody(earnedBadgeId), AUTH);
  }

  static String revokeBody(String earnedBadgeId) {
    return "{\"badgeMetaId\":\""
        + BADGE
        + "\",\"customerId\":62090013,\"earnedBadgeId\":\""
        + earnedBadgeId
        + "\"}";
  }

  static String docRevoke(String earnedBadgeId) {
    return "{\"badgeMetaId\":\"653ddb33b3cda7078c7c68e9\",\"customerId\":62090013,"
        + "\"earnedBadgeId\":\""
        + earnedBadgeId
        + "\"}";
  }

  static String field(String json, String name) {
    Matcher m = FIELD.matcher(json);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return m.group(2);
      }
    }
    throw new AssertionError("no " + name + " in " + json);
  }

  static HttpResponse<String> send(
      String baseUrl, String method, String path, String body, String authorization)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null && !body.isEmpty()) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
