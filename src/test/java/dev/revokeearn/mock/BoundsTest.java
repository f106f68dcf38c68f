package dev.revokeearn.mock;

import static dev.revokeearn.testing.Fixtures.REVOKE;
import static dev.revokeearn.testing.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revokeearn.testing.Credentials;
import dev.revokeearn.testing.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a client without credentials can do to the mock, bounded in bytes and time: bodies are read
 * and inflated at most 64 KiB (and one byte) deep, whatever they say; slow bodies cost connections,
 * not the server's threads, and end in 408; framing Jetty refuses is answered in the envelope. Each
 * attack runs beside a health probe that must keep answering.
 */
class BoundsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  RevokeEarnMock mock;
  RawHttp raw;

  @BeforeEach
  void start() {
    mock = RevokeEarnMock.builder().port(0).bodyDeadline(Duration.ofSeconds(2)).build().start();
    raw = new RawHttp("127.0.0.1", mock.port());
  }

  @AfterEach
  void stop() {
    mock.close();
  }

  /** 64 MiB of zeros, gzipped: 64 KiB on the wire. */
  static byte[] gzipBomb() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        gzip.write(zeros);
      }
    }
    return out.toByteArray();
  }

  @Test
  void gzipBombsAndHugeBodiesGet413AtOnceWithOrWithoutCredentialsAndLeaveNothingBehind()
      throws Exception {
    byte[] bomb = gzipBomb();
    assertThat(bomb.length).isLessThan(70 * 1024);
    long before = liveHeap();
    try (HealthProbe health = new HealthProbe(mock)) {
      for (int i = 0; i < 20; i++) {
        Map<String, String> headers =
            i % 2 == 0
                ? Map.of("Content-Type", "application/json", "Content-Encoding", "gzip")
                : Map.of(
                    "Content-Type",
                    "application/json",
                    "Content-Encoding",
                    "gzip",
                    "Authorization",
                    Credentials.demo());
        RawHttp.Answer answer =
            raw.send(RawHttp.request("POST", i % 4 < 2 ? REVOKE : TOKEN, headers, bomb));
        assertTooLarge(answer);
      }
      // The same bomb without saying gzip: it looks gzipped, which WireMock would inflate.
      assertTooLarge(
          raw.send(
              RawHttp.request("POST", REVOKE, Map.of("Content-Type", "application/json"), bomb)));
      for (int i = 0; i < 3; i++) {
        assertTooLarge(announced(1L << 30));
        assertTooLarge(chunked(1L << 30));
      }
      assertThat(health.failures()).as("health probes that failed or took over 2 s").isEmpty();
    }
    assertThat(liveHeap() - before).as("heap held after the attack").isLessThan(20L << 20);
    assertThat(mock.wireMock().getAllServeEvents()).as("journaled").isEmpty();
  }

  @Test
  void slowBodiesHoldNoThreadAndEndIn408WhileHealthAndOtherClientsAreServed() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try (HealthProbe health = new HealthProbe(mock)) {
      for (int i = 0; i < 200; i++) {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", mock.port()), 5_000);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST "
                    + REVOKE
                    + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        slow.add(socket);
      }
      // Every server thread would be waiting on one of them, were bodies read by blocking.
      for (int i = 0; i < 20; i++) {
        assertThat(revokeTheDocInstance().statusCode()).isIn(200, 409);
      }
      for (Socket socket : slow) {
        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer).startsWith("HTTP/1.1 408 ").contains("\"code\":408", "X-CAP-REQUEST-ID");
      }
      assertThat(health.failures()).as("health probes that failed or took over 2 s").isEmpty();
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  /** An admin body of megabytes arrives in parts: read as it comes, it reaches its route whole. */
  @Test
  void aLargeSeedReadAsItArrivesIsApplied() {
    StringBuilder faults = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      faults
          .append(i == 0 ? "" : ",")
          .append("{\"operation\":\"revokeEarn\",\"match\":{\"earnedBadgeId\":\"")
          .append(String.format("%024x", i))
          .append("\"},\"fault\":{\"type\":\"error\",\"status\":503}}");
    }
    String seed = "{\"orgs\":[{\"orgId\":100737,\"faults\":[" + faults + "]}]}";
    assertThat(seed.length()).isGreaterThan(2_000_000);
    given()
        .baseUri(mock.baseUrl())
        .contentType("application/json")
        .body(seed)
        .post("/__admin/revoke-earn/seed")
        .then()
        .statusCode(200)
        .body("orgsApplied", equalTo(1));
    mock.reset();
  }

  @Test
  void wrongPasswordsNamingAnOrgsTillLeaveThatOrgsLogAlone() throws Exception {
    for (int i = 0; i < 300; i++) {
      HttpResponse<String> refused =
          post(
              REVOKE,
              Credentials.basic("demo.till", "guess-" + i),
              "{\"x\":\"" + "y".repeat(2000) + "\"}");
      assertThat(refused.statusCode()).isEqualTo(401);
    }
    HttpResponse<String> badSecret =
        post(TOKEN, null, "{\"key\":\"demo-key\",\"secret\":\"guess\"}");
    assertThat(badSecret.statusCode()).isEqualTo(401);
    assertThat(mock.state().exchanges().of(100737)).isEmpty();

    assertThat(revokeTheDocInstance().statusCode()).isEqualTo(200);
    assertThat(mock.state().exchanges().of(100737)).hasSize(1);
    // The operator sees every refusal in WireMock's journal.
    assertThat(mock.wireMock().getAllServeEvents()).hasSize(302);
  }

  @Test
  void aChunkSizeNoServerCanHoldIsAnsweredInTheEnvelope() throws Exception {
    for (String target : List.of(REVOKE, "/__admin/revoke-earn/seed", "/elsewhere")) {
      for (String size : List.of("FFFFFFFF", "FFFFFFFFFF", "7FFFFFFFFFFFFFFFF")) {
        RawHttp.Answer answer =
            raw.send(
                ("POST "
                        + target
                        + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                        + size
                        + "\r\n{}")
                    .getBytes(StandardCharsets.US_ASCII));
        assertThat(answer.status()).as(target + " " + size).isBetween(400, 499);
        assertThat(answer.header("X-CAP-REQUEST-ID"))
            .as(target + " " + size)
            .matches("[0-9a-f]{32}");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("errors").path(0).path("code").asInt()).isEqualTo(answer.status());
      }
    }
  }

  private static void assertTooLarge(RawHttp.Answer answer) throws IOException {
    assertThat(answer.status()).as(answer.text()).isEqualTo(413);
    assertThat(JSON.readTree(answer.body()).path("errors").path(0).path("code").asInt())
        .isEqualTo(413);
    assertThat(answer.header("X-CAP-REQUEST-ID")).matches("[0-9a-f]{32}");
  }

  /** A body announced at this length, of which the server must read nothing. */
  private RawHttp.Answer announced(long length) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", mock.port()), 5_000);
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("POST "
                      + REVOKE
                      + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      + "Content-Length: "
                      + length
                      + "\r\n\r\n{\"padding\":\"")
                  .getBytes(StandardCharsets.US_ASCII));
      return RawHttp.read(socket.getInputStream());
    }
  }

  /** A chunked body of this length, sent until the server answers and closes. */
  private RawHttp.Answer chunked(long length) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", mock.port()), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + TOKEN
                  + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = ("4000\r\n" + "x".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      InputStream in = socket.getInputStream();
      try {
        for (long sent = 0; sent < length && in.available() == 0; sent += 0x4000) {
          out.write(chunk);
        }
      } catch (IOException e) {
        // the server answered and closed: read what it said
      }
      return RawHttp.read(in);
    }
  }

  private HttpResponse<String> post(String path, String authorization, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> revokeTheDocInstance() throws Exception {
    return post(
        REVOKE,
        Credentials.demo(),
        "{\"badgeMetaId\":\"653ddb33b3cda7078c7c68e9\",\"customerId\":62090013,"
            + "\"earnedBadgeId\":\"654cbea06bccde1274b6d3a2\"}");
  }

  private static long liveHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Calls GET /__admin/health every 50 ms on its own thread, keeping what went wrong. */
  static final class HealthProbe implements AutoCloseable {
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    HealthProbe(RevokeEarnMock mock) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpRequest health =
          HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/health"))
              .timeout(Duration.ofSeconds(2))
              .build();
      thread =
          new Thread(
              () -> {
                while (running.get()) {
                  try {
                    int status =
                        client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode();
                    if (status != 200) {
                      failures.add("status " + status);
                    }
                    Thread.sleep(50);
                  } catch (InterruptedException e) {
                    return;
                  } catch (IOException e) {
                    failures.add(e.toString());
                  }
                }
              },
              "health-probe");
      thread.start();
    }

    List<String> failures() {
      return failures;
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(5_000);
    }
  }
}
