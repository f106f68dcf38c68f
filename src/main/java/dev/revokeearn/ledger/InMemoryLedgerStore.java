package dev.revokeearn.ledger;

import dev.revokeearn.ledger.entity.BadgeMeta;
import dev.revokeearn.ledger.entity.Customer;
import dev.revokeearn.ledger.entity.CustomerKey;
import dev.revokeearn.ledger.entity.EarnInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default store: concurrent maps. Atomicity comes from {@link
 * ConcurrentHashMap#computeIfPresent} and {@link ConcurrentHashMap#putIfAbsent}, which run per key
 * under the map's own bin lock.
 */
public final class InMemoryLedgerStore implements LedgerStore {
  private final Map<CustomerKey, Customer> customersByKey = new ConcurrentHashMap<>();
  private final Map<Long, Customer> customersById = new ConcurrentHashMap<>();
  private final Map<String, BadgeMeta> badges = new ConcurrentHashMap<>();
  private final Map<String, EarnInstance> earns = new ConcurrentHashMap<>();
  private final Map<String, String> earnByRequest = new ConcurrentHashMap<>();

  @Override
  public synchronized void putCustomer(Customer customer) {
    Customer previous = customersById.put(customer.id(), customer);
    if (previous != null) {
      // The index holds normalized keys (emails in lower case): remove those, not the raw ones.
      previous.keys().forEach(key -> customersByKey.remove(key.normalized(), previous));
    }
    customer.keys().forEach(key -> customersByKey.put(key.normalized(), customer));
  }

  @Override
  public void putBadge(BadgeMeta badge) {
    badges.put(ObjectIds.normalize(badge.id()), badge);
  }

  @Override
  public void putEarn(EarnInstance instance) {
    earns.put(ObjectIds.normalize(instance.earnedBadgeId()), instance);
    if (instance.requestId() != null) {
      earnByRequest.put(requestKey(instance), instance.earnedBadgeId());
    }
  }

  @Override
  public Optional<Customer> customer(CustomerKey key) {
    return Optional.ofNullable(customersByKey.get(key.normalized()));
  }

  @Override
  public Optional<BadgeMeta> badge(String badgeMetaId) {
    return Optional.ofNullable(badges.get(ObjectIds.normalize(badgeMetaId)));
  }

  @Override
  public Optional<EarnInstance> earn(String earnedBadgeId) {
    return Optional.ofNullable(earns.get(ObjectIds.normalize(earnedBadgeId)));
  }

  @Override
  public List<Customer> customers() {
    return new ArrayList<>(customersById.values());
  }

  @Override
  public List<BadgeMeta> badges() {
    return new ArrayList<>(badges.values());
  }

  @Override
  public List<EarnInstance> earns() {
    return new ArrayList<>(earns.values());
  }

  @Override
  public int earnCount() {
    return earns.size();
  }

  @Override
  public Optional<EarnInstance> revoke(String earnedBadgeId, String badgeMetaId, long customerId) {
    EarnInstance[] revoked = {null};
    earns.computeIfPresent(
        ObjectIds.normalize(earnedBadgeId),
        (id, instance) -> {
          if (!instance.revocableBy(badgeMetaId, customerId)) {
            return instance;
          }
          revoked[0] = instance.revoked();
          return revoked[0];
        });
    return Optional.ofNullable(revoked[0]);
  }

  @Override
  public boolean addEarn(EarnInstance instance) {
    if (earnByRequest.putIfAbsent(requestKey(instance), instance.earnedBadgeId()) != null) {
      return false;
    }
    earns.put(ObjectIds.normalize(instance.earnedBadgeId()), instance);
    return true;
  }

  private static String requestKey(EarnInstance instance) {
    return ObjectIds.normalize(instance.badgeMetaId()) + "/" + instance.requestId();
  }
}
