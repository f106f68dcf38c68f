package dev.revokeearn.ledger.entity;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * A badge definition.
 *
 * @param validity how long an earned badge lasts; null for a badge that never expires
 */
public record BadgeMeta(
    String id, EarnType earnType, boolean live, Set<OwnerClaim> claims, Duration validity) {
  public BadgeMeta {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(earnType, "earnType");
    claims = claims == null ? Set.of() : Set.copyOf(claims);
  }

  public boolean claimedBy(OwnerClaim owner) {
    return claims.contains(owner);
  }
}
