import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.revokeearn.junit.RevokeEarnMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RevokeClientTest {
  @RegisterExtension
  static final RevokeEarnMockExtension capillary = new RevokeEarnMockExtension(); // demo seed

  @Test
  void revokesOnceThenGets814() throws Exception {
    String earned = capillary.givenActiveEarn("653ddb33b3cda7078c7c68e9", 62090013); // one line of state
    HttpRequest revoke = HttpRequest.newBuilder(
            URI.create(capillary.baseUrl() + "/api_gateway/v1/badges/customer/revokeEarn"))
        .header("Authorization", capillary.basicAuthorization()) // this test's till
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"badgeMetaId\":\"653ddb33b3cda7078c7c68e9\",\"customerId\":62090013,\"earnedBadgeId\":\"" + earned + "\"}"))
        .build();
    HttpClient http = HttpClient.newHttpClient();

    assertEquals(200, http.send(revoke, HttpResponse.BodyHandlers.ofString()).statusCode());
    assertEquals(409, http.send(revoke, HttpResponse.BodyHandlers.ofString()).statusCode());
    assertEquals(2, capillary.awaitRevokes(2, Duration.ofSeconds(5)).size()); // what this test's org received
  }
}
