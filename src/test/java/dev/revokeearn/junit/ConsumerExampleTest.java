package dev.revokeearn.junit;

import static dev.revokeearn.testing.Fixtures.REVOKE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.mockstate.Exchange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A consumer's test, as README.md shows it: plain java.net.http against the shared mock. */
class ConsumerExampleTest {
  @RegisterExtension static final RevokeEarnMockExtension capillary = new RevokeEarnMockExtension();

  final HttpClient http = HttpClient.newHttpClient();

  int revoke(String badgeMetaId, long customerId, String earnedBadgeId) throws Exception {
    String body =
        "{\"badgeMetaId\":\"%s\",\"customerId\":%d,\"earnedBadgeId\":\"%s\"}"
            .formatted(badgeMetaId, customerId, earnedBadgeId);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(capillary.baseUrl() + REVOKE))
            .header("Authorization", capillary.basicAuthorization())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void theDocsExampleRevokesOnceThen814() throws Exception {
    assertThat(revoke("653ddb33b3cda7078c7c68e9", 62090013, "654cbea06bccde1274b6d3a2"))
        .isEqualTo(200);
    assertThat(revoke("653ddb33b3cda7078c7c68e9", 62090013, "654cbea06bccde1274b6d3a2"))
        .isEqualTo(409);
  }

  @Test
  void everyTestHasItsOwnCopyOfTheSeed() throws Exception {
    // Whichever test runs first, this test's own copy of the doc example is active.
    assertThat(capillary.isActive("654cbea06bccde1274b6d3a2")).isTrue();
    assertThat(revoke("653ddb33b3cda7078c7c68e9", 62090013, "654cbea06bccde1274b6d3a2"))
        .isEqualTo(200);
  }

  @Test
  void aTestSeedsItsOwnEarnInALineAndVerifiesWhatItsClientSent() throws Exception {
    String earned = capillary.givenActiveEarn("653de84db3cda7078c7c68ed", 62090014);

    assertThat(revoke("653de84db3cda7078c7c68ed", 62090014, earned)).isEqualTo(200);
    assertThat(capillary.isActive(earned)).isFalse();
    List<Exchange> revokes = capillary.awaitRevokes(1, Duration.ofSeconds(5));
    assertThat(revokes.get(0).body()).contains(earned);
    assertThat(revokes.get(0).header("Authorization")).isEqualTo(capillary.basicAuthorization());
    assertThat(revokes.get(0).status()).isEqualTo(200);
  }

  @Test
  void aTestAddsStateInTheSeedFormatToItsCopyOfTheSeedsOrg() throws Exception {
    capillary.seed(
        """
        orgs:
          - orgId: 100737
            customers: [{id: 7001, email: becky@example.com}]
            earnInstances:
              - {earnedBadgeId: 0123456789abcdef01234567, badgeMetaId: 653ddb33b3cda7078c7c68e9, customerId: 7001}
        """);

    assertThat(revoke("653ddb33b3cda7078c7c68e9", 7001, "0123456789abcdef01234567")).isEqualTo(200);
    assertThat(capillary.orgId()).isNotEqualTo(100737);
  }
}
