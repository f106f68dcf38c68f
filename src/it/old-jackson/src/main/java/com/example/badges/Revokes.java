package com.example.badges;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The consumer's own JSON handling, on the Jackson it pins (2.12). */
public final class Revokes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Revokes() {}

  public static String body(String badgeMetaId, long customerId, String earnedBadgeId) {
    ObjectNode body = JSON.createObjectNode();
    body.put("badgeMetaId", badgeMetaId);
    body.put("customerId", customerId);
    body.put("earnedBadgeId", earnedBadgeId);
    return body.toString();
  }

  public static boolean stillActive(String answer) throws Exception {
    JsonNode data = JSON.readTree(answer).path("data");
    return data.path("isActive").asBoolean(true);
  }
}
