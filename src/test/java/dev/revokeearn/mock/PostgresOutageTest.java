package dev.revokeearn.mock;

import static dev.revokeearn.testing.Fixtures.REVOKE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.testing.Credentials;
import dev.revokeearn.testing.Postgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A state database that goes away is no client's mistake: the API and the admin API answer 503 in
 * the envelope, promptly, and the mock keeps serving what needs no state.
 */
class PostgresOutageTest {
  static final String DOC_REVOKE =
      "{\"badgeMetaId\":\"653ddb33b3cda7078c7c68e9\",\"customerId\":62090013,"
          + "\"earnedBadgeId\":\"654cbea06bccde1274b6d3a2\"}";

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void aDatabaseThatGoesAwayIsA503InTheEnvelopeNotAClientError() throws Exception {
    String url = Postgres.newDatabase();
    try (RevokeEarnMock mock =
        RevokeEarnMock.builder().port(0).postgres(url, null, null, 4).build().start()) {
      assertThat(revoke(mock).statusCode()).isEqualTo(200);

      Postgres.dropDatabase(url);

      long started = System.nanoTime();
      HttpResponse<String> api = revoke(mock);
      assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
      assertThat(api.body())
          .contains("\"code\":503", "state database is unavailable")
          .doesNotContain("Exception", "report it");
      assertThat((System.nanoTime() - started) / 1_000_000).as("ms").isLessThan(10_000);
      HttpResponse<String> admin =
          http.send(
              HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/revoke-earn/state"))
                  .timeout(Duration.ofSeconds(20))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(admin.statusCode()).as(admin.body()).isEqualTo(503);
      assertThat(admin.body()).contains("state database is unavailable");
    }
  }

  private HttpResponse<String> revoke(RevokeEarnMock mock) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(mock.baseUrl() + REVOKE))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", Credentials.demo())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(DOC_REVOKE))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
