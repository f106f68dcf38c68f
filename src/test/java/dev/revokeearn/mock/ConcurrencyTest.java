package dev.revokeearn.mock;

import static dev.revokeearn.testing.Fixtures.REVOKE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.testing.Credentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestInstance;

/** Many clients at once over real HTTP: one revoke wins, one earn per request id. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyTest {
  static final int CLIENTS = 64;
  RevokeEarnMock mock;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  ExecutorService pool;

  /** The mock's settings; {@link DurableConcurrencyTest} adds a state directory. */
  RevokeEarnMock.Builder settings() {
    return RevokeEarnMock.builder().port(0);
  }

  @BeforeAll
  void start() {
    mock = settings().build().start();
  }

  @AfterAll
  void stop() {
    mock.close();
  }

  @BeforeEach
  void reset() {
    mock.reset();
    pool = Executors.newFixedThreadPool(CLIENTS);
  }

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @RepeatedTest(5)
  void sixtyFourConcurrentRevokesOfOneInstanceGiveOne200AndThe409s() throws Exception {
    Map<Integer, Long> statuses =
        race(
            REVOKE,
            i ->
                "{\"badgeMetaId\":\"653ddb33b3cda7078c7c68e9\",\"customerId\":62090013,"
                    + "\"earnedBadgeId\":\"654cbea06bccde1274b6d3a2\"}");

    assertThat(statuses).containsOnly(Map.entry(200, 1L), Map.entry(409, (long) CLIENTS - 1));
  }

  @RepeatedTest(5)
  void sixtyFourConcurrentEarnsWithOneRequestIdCreateOneInstance() throws Exception {
    int before = earnCount();
    Map<Integer, Long> statuses =
        race(
            "/api_gateway/v1/badges/customer/earn",
            i ->
                "{\"badgeMetaId\":\"66276dc68fe258516a88ff8e\",\"customerId\":62090013,"
                    + "\"requestId\":\"same-request\","
                    + "\"triggeredBy\":{\"ownerType\":\"Loyalty\",\"referenceId\":\"123694\"}}");

    assertThat(statuses).containsOnly(Map.entry(200, 1L), Map.entry(400, (long) CLIENTS - 1));
    assertThat(earnCount()).isEqualTo(before + 1);
  }

  private int earnCount() {
    return mock.state().orgs().ledger(100737).orElseThrow().store().earns().size();
  }

  /** Sends {@value CLIENTS} requests released together; counts answers by status. */
  private Map<Integer, Long> race(String path, Function<Integer, String> body) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Integer>> answers =
        IntStream.range(0, CLIENTS)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          try {
                            go.await();
                            HttpRequest request =
                                HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Authorization", Credentials.demo())
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body.apply(i)))
                                    .build();
                            return http.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                          } catch (Exception e) {
                            throw new IllegalStateException(e);
                          }
                        },
                        pool))
            .toList();
    go.countDown();
    return answers.stream()
        .map(CompletableFuture::join)
        .collect(Collectors.groupingBy(status -> status, Collectors.counting()));
  }
}
