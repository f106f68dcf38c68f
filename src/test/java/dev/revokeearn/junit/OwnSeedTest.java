package dev.revokeearn.junit;

import static dev.revokeearn.testing.Fixtures.REVOKE;
import static dev.revokeearn.testing.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** withSeed: every accessor speaks for the test's copy of the seed, credentials included. */
class OwnSeedTest {
  @RegisterExtension
  static final RevokeEarnMockExtension capillary =
      RevokeEarnMockExtension.withSeed(
          """
          orgs:
            - orgId: 42
              tills: [{username: shop.till, password: s3cret}]
              oauthClients: [{key: shop-key, secret: shop-secret, ttlSeconds: 60}]
              customers: [{id: 9001, email: ann@example.com}]
              badges:
                - badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa
                  claims: [{ownerType: Journeys, referenceId: "7"}]
              earnInstances:
                - {earnedBadgeId: bbbbbbbbbbbbbbbbbbbbbbbb, badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa, customerId: 9001}
          """);

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void basicAuthorizationIsTheSeedsTillInThisTestsOrg() throws Exception {
    assertThat(capillary.tillUsername()).isEqualTo("shop.till-t" + capillary.orgId());
    assertThat(capillary.tillPassword()).isEqualTo("s3cret");

    assertThat(
            post(
                REVOKE,
                capillary.basicAuthorization(),
                null,
                "{\"badgeMetaId\":\"aaaaaaaaaaaaaaaaaaaaaaaa\",\"customerId\":\"ann@example.com\","
                    + "\"earnedBadgeId\":\"bbbbbbbbbbbbbbbbbbbbbbbb\"}",
                "email"))
        .isEqualTo(200);
  }

  @Test
  void theOAuthClientIsTheSeedsInThisTestsOrg() throws Exception {
    assertThat(capillary.oauthKey()).isEqualTo("shop-key-t" + capillary.orgId());
    String body =
        "{\"key\":\"%s\",\"secret\":\"%s\"}"
            .formatted(capillary.oauthKey(), capillary.oauthSecret());
    assertThat(post(TOKEN, null, null, body, null)).isEqualTo(200);
  }

  @Test
  void aTestSeedMustNameTheExtensionsSeedOrg() {
    assertThatThrownBy(() -> capillary.seed("orgs: [{orgId: 100737}]"))
        .hasMessageContaining("this test has no org 100737")
        .hasMessageContaining("[42]");
  }

  private int post(String path, String auth, String token, String body, String identifier)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(capillary.baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    if (identifier != null) {
      request.header("X-CAP-CUSTOMER-IDENTIFIER", identifier);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
