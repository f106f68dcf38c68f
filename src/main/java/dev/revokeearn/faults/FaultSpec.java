package dev.revokeearn.faults;

import dev.revokeearn.api.Operation;

/**
 * A fault as declared: for which org's requests of which operation, when, and what it does. A match
 * that names what the operation's requests never carry (an earn instance for earn or token, a
 * customer or badge for token) could never fire, and is refused ({@link FaultSpecException}).
 */
public record FaultSpec(
    long orgId, Operation operation, FaultMatch match, FaultTrigger trigger, Fault fault) {
  public FaultSpec {
    if (operation != Operation.REVOKE_EARN && match.earnedBadgeId() != null) {
      throw new FaultSpecException(
          "match.earnedBadgeId", "only revokeEarn requests name an earn instance");
    }
    if (operation == Operation.TOKEN
        && (match.customerId() != null || match.badgeMetaId() != null)) {
      throw new FaultSpecException(
          "match", "a token request names no customer or badge: leave match out for token");
    }
  }
}
