package dev.revokeearn.ledger.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * One earning of a badge by a customer. Active until revoked.
 *
 * @param requestId the earn request's id; null for seeded instances
 * @param expiresOn null for a badge that never expires
 */
public record EarnInstance(
    String earnedBadgeId,
    String badgeMetaId,
    long customerId,
    String requestId,
    Instant earnedAt,
    Instant expiresOn,
    boolean active) {
  public EarnInstance {
    Objects.requireNonNull(earnedBadgeId, "earnedBadgeId");
    Objects.requireNonNull(badgeMetaId, "badgeMetaId");
  }

  public EarnInstance revoked() {
    return new EarnInstance(
        earnedBadgeId, badgeMetaId, customerId, requestId, earnedAt, expiresOn, false);
  }

  /** Whether a revoke naming this badge meta and customer may revoke this instance. */
  public boolean revocableBy(String badgeMetaId, long customerId) {
    return active
        && this.badgeMetaId.equalsIgnoreCase(badgeMetaId)
        && this.customerId == customerId;
  }
}
