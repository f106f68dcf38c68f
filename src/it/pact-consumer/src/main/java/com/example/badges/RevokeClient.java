package com.example.badges;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** The consumer's code under test: revokes a badge, and treats 814 after a retry as done. */
public final class RevokeClient {
  public enum Result { REVOKED, ALREADY_REVOKED, FAILED }

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String authorization;

  public RevokeClient(String baseUrl, String authorization) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
  }

  public Result revoke(String badgeMetaId, long customerId, String earnedBadgeId)
      throws IOException, InterruptedException {
    HttpResponse<String> answer = http.send(request(badgeMetaId, customerId, earnedBadgeId),
        HttpResponse.BodyHandlers.ofString());
    return result(answer);
  }

  /** Fire and forget: the revoke goes out on the client's own thread. */
  public CompletableFuture<Result> revokeLater(String badgeMetaId, long customerId, String earnedBadgeId) {
    return http.sendAsync(request(badgeMetaId, customerId, earnedBadgeId), HttpResponse.BodyHandlers.ofString())
        .thenApply(RevokeClient::result);
  }

  private HttpRequest request(String badgeMetaId, long customerId, String earnedBadgeId) {
    String body = "{\"badgeMetaId\":\"" + badgeMetaId + "\",\"customerId\":" + customerId
        + ",\"earnedBadgeId\":\"" + earnedBadgeId + "\"}";
    return HttpRequest.newBuilder(URI.create(baseUrl + "/api_gateway/v1/badges/customer/revokeEarn"))
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static Result result(HttpResponse<String> answer) {
    if (answer.statusCode() == 200) {
      return Result.REVOKED;
    }
    if (answer.statusCode() == 409 && answer.body().contains("\"code\":814")) {
      return Result.ALREADY_REVOKED;
    }
    return Result.FAILED;
  }
}
