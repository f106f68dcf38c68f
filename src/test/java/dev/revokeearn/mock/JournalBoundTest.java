package dev.revokeearn.mock;

import static dev.revokeearn.testing.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** WireMock's request journal keeps at most the configured number of requests. */
class JournalBoundTest {
  @Test
  void theJournalKeepsAtMostItsBound() throws Exception {
    try (RevokeEarnMock mock =
        RevokeEarnMock.builder().port(0).journalEntries(50).build().start()) {
      HttpClient http = HttpClient.newHttpClient();
      for (int i = 0; i < 120; i++) {
        http.send(
            HttpRequest.newBuilder(URI.create(mock.baseUrl() + TOKEN))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.discarding());
      }
      int kept =
          given()
              .baseUri(mock.baseUrl())
              .get("/__admin/requests")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("requests")
              .size();
      assertThat(kept).isEqualTo(50);
    }
    assertThat(RevokeEarnMock.DEFAULT_JOURNAL_ENTRIES).isEqualTo(1000);
  }
}
