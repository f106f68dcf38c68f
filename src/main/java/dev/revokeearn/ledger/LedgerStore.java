package dev.revokeearn.ledger;

import dev.revokeearn.ledger.entity.BadgeMeta;
import dev.revokeearn.ledger.entity.Customer;
import dev.revokeearn.ledger.entity.CustomerKey;
import dev.revokeearn.ledger.entity.EarnInstance;
import java.util.List;
import java.util.Optional;

/**
 * Where one org's ledger state lives. The two writes that matter are atomic: {@link #revoke}
 * revokes at most once however many callers race, and {@link #addEarn} creates at most one instance
 * per badge and request id. Implementations: in memory (the default) and durable stores.
 */
public interface LedgerStore {
  void putCustomer(Customer customer);

  void putBadge(BadgeMeta badge);

  /** Adds a seeded instance as it is, replacing one with the same id. */
  void putEarn(EarnInstance instance);

  Optional<Customer> customer(CustomerKey key);

  Optional<BadgeMeta> badge(String badgeMetaId);

  Optional<EarnInstance> earn(String earnedBadgeId);

  List<Customer> customers();

  List<BadgeMeta> badges();

  List<EarnInstance> earns();

  /** How many earn instances there are, without listing them. */
  int earnCount();

  /**
   * Atomically makes the instance inactive if it is active and belongs to this badge meta and
   * customer.
   *
   * @return the revoked instance, or empty if nothing was revoked
   */
  Optional<EarnInstance> revoke(String earnedBadgeId, String badgeMetaId, long customerId);

  /**
   * Atomically adds a new instance unless its badge meta already has one with the same request id.
   *
   * @return false, adding nothing, when the request id was already used for this badge
   */
  boolean addEarn(EarnInstance instance);
}
