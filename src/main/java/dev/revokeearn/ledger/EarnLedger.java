package dev.revokeearn.ledger;

import dev.revokeearn.ledger.entity.BadgeMeta;
import dev.revokeearn.ledger.entity.Customer;
import dev.revokeearn.ledger.entity.CustomerKey;
import dev.revokeearn.ledger.entity.EarnInstance;
import dev.revokeearn.ledger.entity.EarnType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rules of one org's badges: an active earn instance can be revoked exactly once, and an earn
 * creates one active instance per badge and request id. Plain Java; atomicity is the store's.
 *
 * <pre>{@code
 * EarnLedger ledger = new EarnLedger(new InMemoryLedgerStore(), Clock.systemUTC());
 * Optional<EarnInstance> revoked = ledger.revoke(CustomerKey.id(62090013), badgeMetaId, earnedBadgeId);
 * }</pre>
 */
public final class EarnLedger {
  private final LedgerStore store;
  private final Clock clock;
  private final Supplier<String> ids;

  public EarnLedger(LedgerStore store, Clock clock) {
    this(store, clock, new ObjectIds(clock));
  }

  /**
   * @param ids where new earnedBadgeIds come from (one per process keeps them unique)
   */
  public EarnLedger(LedgerStore store, Clock clock, Supplier<String> ids) {
    this.store = store;
    this.clock = clock;
    this.ids = ids;
  }

  public LedgerStore store() {
    return store;
  }

  /**
   * Revokes the earn instance if it is active and belongs to this badge meta and customer.
   *
   * @return the revoked instance, or empty when there is no such active instance (error 814):
   *     unknown customer, unknown instance, mismatch, or already revoked alike
   */
  public Optional<EarnInstance> revoke(
      CustomerKey customer, String badgeMetaId, String earnedBadgeId) {
    return store
        .customer(customer)
        .flatMap(found -> store.revoke(earnedBadgeId, badgeMetaId, found.id()));
  }

  public EarnOutcome earn(EarnCommand command) {
    Instant now = clock.instant();
    if (command.requestId() == null || command.requestId().isBlank()) {
      return refuse(EarnRefusal.REQUEST_ID_MISSING);
    }
    if (command.customer() == null) {
      return refuse(EarnRefusal.CUSTOMER_ID_MISSING);
    }
    if (command.triggeredBy() == null || command.triggeredBy().ownerType() == null) {
      return refuse(EarnRefusal.OWNER_TYPE_MISSING);
    }
    Instant earnedAt = command.earnEventDate() == null ? now : command.earnEventDate();
    if (earnedAt.isAfter(now)) {
      return refuse(EarnRefusal.EVENT_DATE_IN_FUTURE);
    }
    Optional<BadgeMeta> badge = store.badge(command.badgeMetaId());
    if (badge.isEmpty()) {
      return refuse(EarnRefusal.BADGE_NOT_FOUND);
    }
    if (!badge.get().live()) {
      return refuse(EarnRefusal.BADGE_NOT_LIVE);
    }
    if (badge.get().earnType() == EarnType.ISSUE_AND_EARN) {
      return refuse(EarnRefusal.ISSUE_REQUIRED);
    }
    if (!badge.get().claimedBy(command.triggeredBy())) {
      return refuse(EarnRefusal.NOT_CLAIMED);
    }
    Optional<Customer> customer = store.customer(command.customer());
    if (customer.isEmpty()) {
      return refuse(EarnRefusal.CUSTOMER_NOT_FOUND);
    }
    Instant expiresOn =
        badge.get().validity() == null ? null : earnedAt.plus(badge.get().validity());
    EarnInstance instance =
        new EarnInstance(
            ids.get(),
            badge.get().id(),
            customer.get().id(),
            command.requestId(),
            earnedAt,
            expiresOn,
            true);
    return store.addEarn(instance)
        ? new EarnOutcome.Earned(instance)
        : refuse(EarnRefusal.DUPLICATE_REQUEST);
  }

  private static EarnOutcome refuse(EarnRefusal reason) {
    return new EarnOutcome.Refused(reason);
  }
}
