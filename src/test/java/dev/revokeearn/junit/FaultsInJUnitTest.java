package dev.revokeearn.junit;

import static dev.revokeearn.testing.Fixtures.REVOKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revokeearn.faults.FaultSpecException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A consumer's failure-handling tests, as README.md shows them: one line declares the fault. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsInJUnitTest {
  static final String BADGE = "653ddb33b3cda7078c7c68e9";
  static final String EARNED = "654cbea06bccde1274b6d3a2";

  @RegisterExtension static final RevokeEarnMockExtension capillary = new RevokeEarnMockExtension();

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  HttpResponse<String> revoke() throws Exception {
    String body =
        "{\"badgeMetaId\":\"%s\",\"customerId\":62090013,\"earnedBadgeId\":\"%s\"}"
            .formatted(BADGE, EARNED);
    return http.send(
        HttpRequest.newBuilder(URI.create(capillary.baseUrl() + REVOKE))
            .header("Authorization", capillary.basicAuthorization())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aRevokeAppliedWhileItsAnswerWasLostIs814OnRetry() throws Exception {
    long id = capillary.fault().onRevokeEarn().forEarnedBadge(EARNED).times(1).appliedThenReset();

    assertThatThrownBy(this::revoke).isInstanceOf(IOException.class);
    assertThat(capillary.isActive(EARNED)).isFalse();
    assertThat(revoke().statusCode()).isEqualTo(409);
    assertThat(capillary.faults())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.id()).isEqualTo(id);
              assertThat(f.fired()).isEqualTo(1);
            });
    assertThat(capillary.revokes())
        .extracting(e -> e.fault())
        .containsExactly("applied-then-reset", null);
  }

  @Test
  void a503ThenSuccess() throws Exception {
    capillary.fault().times(1).error(503);

    assertThat(revoke().statusCode()).isEqualTo(503);
    assertThat(revoke().statusCode()).isEqualTo(200);
  }

  @Test
  void aRateLimitSaysWhenToComeBack() throws Exception {
    capillary.fault().forCustomer(62090013).times(1).tooManyRequests(3);

    HttpResponse<String> limited = revoke();
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
  }

  @Test
  void aDelayIsTheRealAnswerLater() throws Exception {
    capillary.fault().times(1).delay(Duration.ofMillis(400));

    long started = System.nanoTime();
    assertThat(revoke().statusCode()).isEqualTo(200);
    assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);
  }

  @Test
  @Order(1)
  void aFaultWithoutLimitFiresForEveryRequestOfTheTest() throws Exception {
    capillary.fault().error(503); // never removed by this test: it goes with the test's org

    assertThat(revoke().statusCode()).isEqualTo(503);
    assertThat(revoke().statusCode()).isEqualTo(503);
  }

  @Test
  @Order(2)
  void eachTestsFaultsAreItsOwn() throws Exception {
    // The test before declared a fault that fires every time; none of it reaches this test's org.
    assertThat(capillary.faults()).isEmpty();
    assertThat(revoke().statusCode()).isEqualTo(200);
  }

  @Test
  void aStatusTheContractDoesNotDeclareIsRefused() {
    assertThatThrownBy(() -> capillary.fault().onToken().error(404))
        .isInstanceOf(FaultSpecException.class)
        .hasMessageContaining("fault.status");
  }
}
