package com.example.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import dev.revokeearn.junit.RevokeEarnMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OldJacksonTest {
  @RegisterExtension
  static final RevokeEarnMockExtension capillary = new RevokeEarnMockExtension();

  @Test
  void theMockRunsBesideTheConsumersOwnJackson() throws Exception {
    assertEquals("2.12.7", PackageVersion.VERSION.toString());
    String earned = capillary.givenActiveEarn("653ddb33b3cda7078c7c68e9", 62090013);
    HttpRequest revoke = HttpRequest.newBuilder(
            URI.create(capillary.baseUrl() + "/api_gateway/v1/badges/customer/revokeEarn"))
        .header("Authorization", capillary.basicAuthorization())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Revokes.body("653ddb33b3cda7078c7c68e9", 62090013, earned)))
        .build();
    HttpResponse<String> answer = HttpClient.newHttpClient().send(revoke, HttpResponse.BodyHandlers.ofString());

    assertEquals(200, answer.statusCode());
    assertFalse(Revokes.stillActive(answer.body()));
  }
}
