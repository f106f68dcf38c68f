package dev.revokeearn.ledger;

import dev.revokeearn.ledger.entity.CustomerKey;
import dev.revokeearn.ledger.entity.OwnerClaim;
import java.time.Instant;

/**
 * A request to earn a badge. Any field but the badge may be missing; the ledger says which.
 *
 * @param customer null when the request named no customer
 * @param requestId null when the request carried none
 * @param earnEventDate null for "now"
 * @param triggeredBy the owner issuing the badge; its ownerType is null when missing
 */
public record EarnCommand(
    String badgeMetaId,
    CustomerKey customer,
    String requestId,
    Instant earnEventDate,
    OwnerClaim triggeredBy) {}
