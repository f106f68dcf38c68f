package dev.revokeearn.service;

import dev.revokeearn.auth.Authenticator;
import dev.revokeearn.ledger.BadgeMeta;
import dev.revokeearn.ledger.EarnLedger;
import dev.revokeearn.ledger.InMemoryLedgerStore;
import dev.revokeearn.ledger.LedgerStore;
import dev.revokeearn.seed.Seed;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the mock knows: each org's ledger and every org's credentials, loaded from a seed.
 * {@link #reset()} restores the start-up seed; {@link #apply(Seed)} adds to the current state.
 */
public final class MockState {
  private final Seed startSeed;
  private final Clock clock;
  private final Authenticator authenticator;
  private final Map<Long, EarnLedger> orgs = new ConcurrentHashMap<>();

  public MockState(Seed seed, Clock clock) {
    this.startSeed = seed;
    this.clock = clock;
    this.authenticator = new Authenticator(clock);
    apply(seed);
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  public Clock clock() {
    return clock;
  }

  public Optional<EarnLedger> ledger(long orgId) {
    return Optional.ofNullable(orgs.get(orgId));
  }

  /** Every org's ledger by org id, as it is now. */
  public Map<Long, EarnLedger> orgs() {
    return Map.copyOf(orgs);
  }

  /** Back to the start-up seed: later earns, revokes and added state are gone. */
  public synchronized void reset() {
    authenticator.clear();
    orgs.values().forEach(ledger -> ledger.store().clear());
    orgs.clear();
    apply(startSeed);
  }

  /** Adds a seed's orgs and entities; an entity with an id already present replaces it. */
  public synchronized void apply(Seed seed) {
    for (Seed.Org org : seed.orgs()) {
      EarnLedger ledger =
          orgs.computeIfAbsent(org.orgId(), id -> new EarnLedger(newStore(), clock));
      LedgerStore store = ledger.store();
      org.tills().forEach(till -> authenticator.register(org.orgId(), till.toTill()));
      org.oauthClients().forEach(client -> authenticator.register(org.orgId(), client.toClient()));
      org.customers().forEach(customer -> store.putCustomer(customer.toCustomer()));
      org.badges().forEach(badge -> store.putBadge(badge.toBadge()));
      for (Seed.EarnEntry earn : org.earnInstances()) {
        BadgeMeta badge =
            store
                .badge(earn.badgeMetaId())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "earn instance "
                                + earn.earnedBadgeId()
                                + ": unknown badge "
                                + earn.badgeMetaId()));
        store.putEarn(earn.toInstance(badge, clock.instant()));
      }
    }
  }

  private static LedgerStore newStore() {
    return new InMemoryLedgerStore();
  }
}
