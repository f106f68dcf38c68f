package com.example.badges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.junit.RevokeEarnMockExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Spring's RestClient (with Boot's Jackson) against the mock, in a project under Boot's BOM. */
class BootRevokeTest {
  @RegisterExtension
  static final RevokeEarnMockExtension capillary = new RevokeEarnMockExtension();

  @Test
  void revokesWithBootsHttpStackThenGets814() {
    RestClient rest = RestClient.builder()
        .baseUrl(capillary.baseUrl())
        .defaultHeader("Authorization", capillary.basicAuthorization())
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
        .build();
    String earned = capillary.givenActiveEarn("653ddb33b3cda7078c7c68e9", 62090013);
    Map<String, Object> body = Map.of(
        "badgeMetaId", "653ddb33b3cda7078c7c68e9", "customerId", 62090013, "earnedBadgeId", earned);

    var first = rest.post().uri("/api_gateway/v1/badges/customer/revokeEarn")
        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(Map.class);
    var second = rest.post().uri("/api_gateway/v1/badges/customer/revokeEarn")
        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(Map.class);

    assertThat(first.getStatusCode().value()).isEqualTo(200);
    assertThat(((Map<?, ?>) first.getBody().get("data")).get("isActive")).isEqualTo(false);
    assertThat(second.getStatusCode().value()).isEqualTo(409);
    assertThat(capillary.revokes()).hasSize(2);
  }
}
