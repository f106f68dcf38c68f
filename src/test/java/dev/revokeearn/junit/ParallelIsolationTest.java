package dev.revokeearn.junit;

import static dev.revokeearn.testing.Fixtures.DOC_BADGE;
import static dev.revokeearn.testing.Fixtures.REVOKE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.mockstate.Exchange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * 300 tests, four at a time, on the one shared mock: each revokes the doc example in its own copy
 * of the demo seed (200 every time: no reset between tests, no interference), revokes an instance
 * of its own twice, one of the revokes from a thread of its own client, and finds exactly its own
 * three requests in its log.
 */
@Execution(ExecutionMode.CONCURRENT)
class ParallelIsolationTest {
  static final String DOC_EARN = "654cbea06bccde1274b6d3a2";

  @RegisterExtension static final RevokeEarnMockExtension capillary = new RevokeEarnMockExtension();

  static final HttpClient http = HttpClient.newHttpClient();
  static final Set<Long> orgs = ConcurrentHashMap.newKeySet();
  static final AtomicInteger running = new AtomicInteger();
  static final AtomicInteger mostAtOnce = new AtomicInteger();

  @RepeatedTest(300)
  void eachTestSeesOnlyItsOwnStateAndRequests(TestOrg org) throws Exception {
    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
    try {
      assertThat(orgs.add(org.orgId())).as("a fresh org for every test").isTrue();
      String auth = capillary.basicAuthorization();
      String earned = capillary.givenActiveEarn(DOC_BADGE, 62090013);

      assertThat(revoke(auth, DOC_EARN).get(5, TimeUnit.SECONDS)).isEqualTo(200);
      assertThat(revoke(auth, earned).get(5, TimeUnit.SECONDS)).isEqualTo(200);
      revoke(auth, earned); // from the client's own thread; the test does not wait for it

      List<Exchange> revokes = capillary.awaitRevokes(3, Duration.ofSeconds(10));
      assertThat(revokes).extracting(Exchange::status).containsExactly(200, 200, 409);
      assertThat(revokes.get(2).errorCodes()).containsExactly(814L);
      assertThat(revokes.get(1).body()).contains(earned);
      assertThat(revokes).allMatch(e -> auth.equals(e.header("Authorization")));
      assertThat(capillary.requests()).hasSize(3);
    } finally {
      running.decrementAndGet();
    }
  }

  @AfterAll
  static void theTestsRanSideBySide() {
    assertThat(orgs).hasSize(300);
    assertThat(mostAtOnce.get()).isGreaterThan(1);
  }

  private static CompletableFuture<Integer> revoke(String auth, String earnedBadgeId) {
    String body =
        "{\"badgeMetaId\":\"%s\",\"customerId\":62090013,\"earnedBadgeId\":\"%s\"}"
            .formatted(DOC_BADGE, earnedBadgeId);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(capillary.baseUrl() + REVOKE))
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(HttpResponse::statusCode);
  }
}
