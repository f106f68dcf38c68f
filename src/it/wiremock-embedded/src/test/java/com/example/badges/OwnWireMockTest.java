package com.example.badges;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.revokeearn.wiremock.RevokeEarnExtensions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The team's own WireMockExtension: a stub of another API, and revokeEarn from revoke-earn's
 * extension, on one server, in the team's WireMock version.
 */
class OwnWireMockTest {
  static final String SEED = """
      orgs:
        - orgId: 1
          tills: [{username: shop.till, password: shop-password}]
          customers: [{id: 501, email: ann@example.com}]
          badges: [{badgeMetaId: 653ddb33b3cda7078c7c68e9}]
          earnInstances:
            - {earnedBadgeId: 654cbea06bccde1274b6d3a2, badgeMetaId: 653ddb33b3cda7078c7c68e9, customerId: 501}
        - orgId: 2
          tills: [{username: other.till, password: other-password}]
          customers: [{id: 501}]
          badges: [{badgeMetaId: 653ddb33b3cda7078c7c68e9}]
      """;

  // Resets after each test (WireMockExtension's default): the seed comes back with the stubs.
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()
          .extensions(RevokeEarnExtensions.builder().seedText(SEED).build()))
      .build();

  @Test
  void revokeEarnBesideAStubOfAnotherApi() throws Exception {
    wm.stubFor(get("/weather").willReturn(ok("sunny")));
    RevokeClient client = new RevokeClient(wm.baseUrl(), basic("shop.till", "shop-password"));

    assertEquals(RevokeClient.Result.REVOKED, client.revoke("653ddb33b3cda7078c7c68e9", 501, "654cbea06bccde1274b6d3a2"));
    assertEquals(RevokeClient.Result.ALREADY_REVOKED, client.revoke("653ddb33b3cda7078c7c68e9", 501, "654cbea06bccde1274b6d3a2"));
    assertEquals("sunny", send("GET", "/weather", null, null).body());
  }

  @Test
  void everyTestStartsFromTheSeed() throws Exception {
    RevokeClient client = new RevokeClient(wm.baseUrl(), basic("shop.till", "shop-password"));
    assertEquals(RevokeClient.Result.REVOKED, client.revoke("653ddb33b3cda7078c7c68e9", 501, "654cbea06bccde1274b6d3a2"));
  }

  @Test
  void theContractAndTheCredentialsAreChecked() throws Exception {
    HttpResponse<String> noBadge = send("POST", "/api_gateway/v1/badges/customer/revokeEarn",
        basic("shop.till", "shop-password"), "{\"customerId\":501,\"earnedBadgeId\":\"654cbea06bccde1274b6d3a2\"}");
    assertEquals(400, noBadge.statusCode());
    assertTrue(noBadge.body().contains("\"code\""), noBadge.body());

    RevokeClient wrongPassword = new RevokeClient(wm.baseUrl(), basic("shop.till", "nope"));
    assertEquals(RevokeClient.Result.FAILED, wrongPassword.revoke("653ddb33b3cda7078c7c68e9", 501, "654cbea06bccde1274b6d3a2"));
  }

  @Test
  void anotherOrgsTillCannotRevokeThisOrgsBadge() throws Exception {
    RevokeClient other = new RevokeClient(wm.baseUrl(), basic("other.till", "other-password"));
    assertEquals(RevokeClient.Result.ALREADY_REVOKED, other.revoke("653ddb33b3cda7078c7c68e9", 501, "654cbea06bccde1274b6d3a2"));
    RevokeClient owner = new RevokeClient(wm.baseUrl(), basic("shop.till", "shop-password"));
    assertEquals(RevokeClient.Result.REVOKED, owner.revoke("653ddb33b3cda7078c7c68e9", 501, "654cbea06bccde1274b6d3a2"));
  }

  @Test
  void aFaultDeclaredOverTheAdminApi() throws Exception {
    HttpResponse<String> declared = send("POST", "/__admin/revoke-earn/faults", null,
        "{\"orgId\":1,\"operation\":\"revokeEarn\",\"times\":1,\"fault\":{\"type\":\"error\",\"status\":503}}");
    assertEquals(201, declared.statusCode(), declared.body());
    RevokeClient client = new RevokeClient(wm.baseUrl(), basic("shop.till", "shop-password"));
    assertEquals(RevokeClient.Result.FAILED, client.revoke("653ddb33b3cda7078c7c68e9", 501, "654cbea06bccde1274b6d3a2"));
    assertEquals(RevokeClient.Result.REVOKED, client.revoke("653ddb33b3cda7078c7c68e9", 501, "654cbea06bccde1274b6d3a2"));
  }

  @Test
  void theWireMockIsTheTeams() {
    String jar = WireMockServer.class.getProtectionDomain().getCodeSource().getLocation().toString();
    assertTrue(jar.endsWith("wiremock-" + System.getProperty("expected.wiremock.version") + ".jar"), jar);
  }

  private static HttpResponse<String> send(String method, String path, String authorization, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(wm.baseUrl() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Basic the Capillary way: the MD5 of the password, in hex. */
  private static String basic(String till, String password) throws Exception {
    byte[] md5 = MessageDigest.getInstance("MD5").digest(password.getBytes(StandardCharsets.UTF_8));
    String credentials = till + ":" + HexFormat.of().formatHex(md5);
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
