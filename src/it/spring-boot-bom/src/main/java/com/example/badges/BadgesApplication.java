package com.example.badges;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** A consumer application: it revokes badges at the URL its configuration names. */
@SpringBootApplication
public class BadgesApplication {
  public static void main(String[] args) {
    SpringApplication.run(BadgesApplication.class, args);
  }

  @Bean
  RevokeClient revokeClient(@Value("${capillary.base-url}") String baseUrl) {
    return new RevokeClient(RestClient.builder()
        .baseUrl(baseUrl)
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
        .build());
  }

  /** Revokes one earn instance; answers the HTTP status. */
  public record RevokeClient(RestClient rest) {
    public int revoke(String authorization, String badgeMetaId, long customerId, String earnedBadgeId) {
      return rest.post().uri("/api_gateway/v1/badges/customer/revokeEarn")
          .header("Authorization", authorization)
          .contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("badgeMetaId", badgeMetaId, "customerId", customerId, "earnedBadgeId", earnedBadgeId))
          .retrieve().toBodilessEntity().getStatusCode().value();
    }
  }
}
