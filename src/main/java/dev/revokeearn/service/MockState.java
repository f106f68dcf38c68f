package dev.revokeearn.service;

import dev.revokeearn.auth.AccessGroup;
import dev.revokeearn.auth.Authenticator;
import dev.revokeearn.auth.OAuthClient;
import dev.revokeearn.auth.Till;
import dev.revokeearn.ledger.CustomerKey;
import dev.revokeearn.ledger.EarnLedger;
import dev.revokeearn.ledger.LedgerStore;
import dev.revokeearn.ledger.LedgerStores;
import dev.revokeearn.seed.Seed;
import dev.revokeearn.seed.SeedException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Everything the mock knows: each org's ledger and every org's credentials, loaded from a seed.
 * {@link #reset()} restores the start-up seed; {@link #apply(Seed)} adds to the current state. With
 * a durable store that already holds state, the ledgers are kept as stored and only the seed's
 * credentials are loaded (credentials always come from the seed, never from the store).
 */
public final class MockState implements AutoCloseable {
  /**
   * Where the start-up seed comes from; read again on reset rather than kept, as it may be large.
   */
  private final Supplier<Seed> seedSource;

  private final Clock clock;
  private final Authenticator authenticator;
  private final LedgerStores stores;
  private final Map<Long, EarnLedger> orgs = new ConcurrentHashMap<>();
  private final ExchangeLog exchanges;

  public MockState(Seed seed, Clock clock) {
    this(() -> seed, clock, LedgerStores.inMemory(), 1000);
  }

  /**
   * @param seedSource the start-up seed, read now and again on each {@link #reset()}
   * @param exchangesPerOrg how many requests each org's {@link #exchanges()} keeps
   */
  public MockState(
      Supplier<Seed> seedSource, Clock clock, LedgerStores stores, int exchangesPerOrg) {
    this.seedSource = seedSource;
    this.exchanges = new ExchangeLog(exchangesPerOrg);
    Seed seed = seedSource.get();
    this.clock = clock;
    this.stores = stores;
    this.authenticator = new Authenticator(clock);
    if (stores.isNew()) {
      apply(seed);
    } else {
      stores.orgIds().forEach(this::ledgerOf);
      registerCredentials(seed);
    }
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  /** What each org received: requests and answers, per org. */
  public ExchangeLog exchanges() {
    return exchanges;
  }

  public Optional<EarnLedger> ledger(long orgId) {
    return Optional.ofNullable(orgs.get(orgId));
  }

  /** Earn instances in every org. */
  public long earnCount() {
    return orgs.values().stream().mapToLong(ledger -> ledger.store().earnCount()).sum();
  }

  /** Every org's ledger by org id, as it is now. */
  public Map<Long, EarnLedger> orgs() {
    return Map.copyOf(orgs);
  }

  /** A fresh org's id and the credentials that reach it. */
  public record CreatedOrg(
      long orgId, String username, String password, String key, String secret) {}

  /**
   * A new, empty org with its own till and OAuth client (random secrets, access to badges), for a
   * test suite that must not see anyone else's state. Gone after {@link #reset()}.
   */
  public synchronized CreatedOrg createOrg() {
    SecureRandom random = new SecureRandom();
    long orgId = createEmptyOrg();
    CreatedOrg created =
        new CreatedOrg(
            orgId,
            "org-" + orgId + ".till",
            HexFormat.of().formatHex(random.generateSeed(12)),
            "org-" + orgId + "-key",
            HexFormat.of().formatHex(random.generateSeed(12)));
    ledgerOf(orgId);
    authenticator.register(
        orgId, new Till(created.username(), created.password(), Set.of(AccessGroup.BADGES)));
    authenticator.register(
        orgId, new OAuthClient(created.key(), created.secret(), 300, Set.of(AccessGroup.BADGES)));
    return created;
  }

  /** A new org with no state and no credentials yet, under an id no other org has. */
  public synchronized long createEmptyOrg() {
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    long orgId;
    do {
      orgId = 1_000_000_000L + random.nextInt(1_000_000_000);
    } while (orgs.containsKey(orgId));
    ledgerOf(orgId);
    return orgId;
  }

  /** Removes an org, its state, its credentials and its exchanges; false if there was none. */
  public synchronized boolean removeOrg(long orgId) {
    if (orgs.remove(orgId) == null) {
      return false;
    }
    authenticator.removeOrg(orgId);
    stores.drop(orgId);
    exchanges.forget(orgId);
    return true;
  }

  /** Back to the start-up seed: later earns, revokes and added state are gone. */
  public synchronized void reset() {
    exchanges.clear();
    authenticator.clear();
    orgs.keySet().forEach(stores::drop);
    orgs.clear();
    apply(seedSource.get());
  }

  @Override
  public void close() {
    stores.close();
  }

  /**
   * Adds a seed's orgs and entities; an entity with an id already present replaces it. Checked
   * whole before anything changes.
   *
   * @throws SeedException naming the first earn instance whose badge or customer is unknown
   */
  public synchronized void apply(Seed seed) {
    checkReferences(seed);
    registerCredentials(seed);
    for (Seed.Org org : seed.orgs()) {
      LedgerStore store = ledgerOf(org.orgId()).store();
      org.customers().forEach(customer -> store.putCustomer(customer.toCustomer()));
      org.badges().forEach(badge -> store.putBadge(badge.toBadge()));
      for (Seed.EarnEntry earn : org.earnInstances()) {
        store.putEarn(
            earn.toInstance(store.badge(earn.badgeMetaId()).orElseThrow(), clock.instant()));
      }
    }
  }

  private void registerCredentials(Seed seed) {
    for (Seed.Org org : seed.orgs()) {
      ledgerOf(org.orgId());
      org.tills().forEach(till -> authenticator.register(org.orgId(), till.toTill()));
      org.oauthClients().forEach(client -> authenticator.register(org.orgId(), client.toClient()));
    }
  }

  private EarnLedger ledgerOf(long orgId) {
    return orgs.computeIfAbsent(orgId, id -> new EarnLedger(stores.open(id), clock));
  }

  private void checkReferences(Seed seed) {
    for (int o = 0; o < seed.orgs().size(); o++) {
      Seed.Org org = seed.orgs().get(o);
      for (int i = 0; i < org.tills().size(); i++) {
        String username = org.tills().get(i).username();
        requireSameOrg(
            authenticator.tillOrg(username),
            org,
            "orgs[" + o + "].tills[" + i + "].username " + username);
      }
      for (int i = 0; i < org.oauthClients().size(); i++) {
        String key = org.oauthClients().get(i).key();
        requireSameOrg(
            authenticator.clientOrg(key),
            org,
            "orgs[" + o + "].oauthClients[" + i + "].key " + key);
      }
      Optional<LedgerStore> existing = ledger(org.orgId()).map(EarnLedger::store);
      Set<String> badges = new HashSet<>();
      org.badges().forEach(b -> badges.add(b.badgeMetaId().toLowerCase(Locale.ROOT)));
      Set<Long> customers = new HashSet<>();
      org.customers().forEach(c -> customers.add(c.id()));
      for (int i = 0; i < org.earnInstances().size(); i++) {
        Seed.EarnEntry earn = org.earnInstances().get(i);
        String at = "orgs[" + o + "].earnInstances[" + i + "]";
        boolean badgeKnown =
            badges.contains(earn.badgeMetaId().toLowerCase(Locale.ROOT))
                || existing.flatMap(s -> s.badge(earn.badgeMetaId())).isPresent();
        if (!badgeKnown) {
          throw new SeedException(
              at + ".badgeMetaId " + earn.badgeMetaId() + " is not a badge of org " + org.orgId());
        }
        boolean customerKnown =
            customers.contains(earn.customerId())
                || existing.flatMap(s -> s.customer(CustomerKey.id(earn.customerId()))).isPresent();
        if (!customerKnown) {
          throw new SeedException(
              at + ".customerId " + earn.customerId() + " is not a customer of org " + org.orgId());
        }
      }
    }
  }

  private static void requireSameOrg(Optional<Long> owner, Seed.Org org, String what) {
    if (owner.isPresent() && owner.get() != org.orgId()) {
      throw new SeedException(what + " already belongs to org " + owner.get());
    }
  }
}
