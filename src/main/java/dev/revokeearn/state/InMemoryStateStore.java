package dev.revokeearn.state;

import dev.revokeearn.faults.DeclaredFault;
import dev.revokeearn.faults.FaultSpec;
import dev.revokeearn.ledger.InMemoryLedgerStore;
import dev.revokeearn.ledger.LedgerStore;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The default store: everything in memory, gone with the process. The state a request reads is one
 * immutable {@code World} (credentials and the map of ledgers), replaced by a single reference
 * swap, so a reset is seen whole or not at all. Earns and revokes change the ledgers in place,
 * atomically per earn instance (see {@link InMemoryLedgerStore}).
 */
public final class InMemoryStateStore implements StateStore {
  private record World(
      Map<String, TillCredential> tills,
      Map<String, ClientCredential> clients,
      Map<Long, InMemoryLedgerStore> ledgers,
      FaultIndex faultIndex,
      byte[] tokenKey)
      implements State {
    @Override
    public Optional<TillCredential> till(String username) {
      return Optional.ofNullable(tills.get(username));
    }

    @Override
    public Optional<ClientCredential> client(String key) {
      return Optional.ofNullable(clients.get(key));
    }

    @Override
    public Optional<LedgerStore> ledger(long orgId) {
      return Optional.ofNullable(ledgers.get(orgId));
    }

    @Override
    public Set<Long> orgIds() {
      return Set.copyOf(ledgers.keySet());
    }

    @Override
    public byte[] tokenKey() {
      return tokenKey.clone();
    }

    @Override
    public List<DeclaredFault> faults(long orgId) {
      return faultIndex.of(orgId);
    }
  }

  private final byte[] tokenKey = new byte[32];
  private final AtomicLong faultIds = new AtomicLong();
  private volatile World world;
  private boolean seeded;

  public InMemoryStateStore() {
    new SecureRandom().nextBytes(tokenKey);
    world = new World(Map.of(), Map.of(), Map.of(), new FaultIndex(), tokenKey);
  }

  @Override
  public State current() {
    return world;
  }

  @Override
  public synchronized boolean seeded() {
    return seeded;
  }

  @Override
  public void replace(SeedSnapshot snapshot) {
    SeedRules.checkWhole(snapshot);
    Map<String, TillCredential> tills = new HashMap<>();
    Map<String, ClientCredential> clients = new HashMap<>();
    Map<Long, InMemoryLedgerStore> ledgers = new HashMap<>();
    fill(snapshot, tills, clients, ledgers);
    FaultIndex faults = new FaultIndex();
    snapshot.faults().forEach(spec -> faults.add(new FaultEntry(nextFaultId(), spec)));
    synchronized (this) {
      world =
          new World(Map.copyOf(tills), Map.copyOf(clients), Map.copyOf(ledgers), faults, tokenKey);
      seeded = true;
    }
  }

  @Override
  public synchronized void add(SeedSnapshot snapshot) {
    World now = world;
    SeedRules.checkAgainst(snapshot, now);
    Map<String, TillCredential> tills = new HashMap<>(now.tills());
    Map<String, ClientCredential> clients = new HashMap<>(now.clients());
    Map<Long, InMemoryLedgerStore> ledgers = new HashMap<>(now.ledgers());
    fill(snapshot, tills, clients, ledgers);
    snapshot.faults().forEach(spec -> now.faultIndex().add(new FaultEntry(nextFaultId(), spec)));
    world =
        new World(
            Map.copyOf(tills),
            Map.copyOf(clients),
            Map.copyOf(ledgers),
            now.faultIndex(),
            tokenKey);
  }

  @Override
  public synchronized boolean seedIfUnseeded(SeedSnapshot snapshot) {
    if (seeded) {
      return false;
    }
    replace(snapshot);
    return true;
  }

  @Override
  public synchronized long createOrg() {
    World now = world;
    long orgId;
    do {
      orgId = 1_000_000_000L + ThreadLocalRandom.current().nextInt(1_000_000_000);
    } while (now.ledgers().containsKey(orgId));
    Map<Long, InMemoryLedgerStore> ledgers = new HashMap<>(now.ledgers());
    ledgers.put(orgId, new InMemoryLedgerStore());
    world = new World(now.tills(), now.clients(), Map.copyOf(ledgers), now.faultIndex(), tokenKey);
    return orgId;
  }

  @Override
  public synchronized boolean drop(long orgId) {
    World now = world;
    if (!now.ledgers().containsKey(orgId)) {
      return false;
    }
    Map<String, TillCredential> tills = new HashMap<>(now.tills());
    tills.values().removeIf(till -> till.orgId() == orgId);
    Map<String, ClientCredential> clients = new HashMap<>(now.clients());
    clients.values().removeIf(client -> client.orgId() == orgId);
    Map<Long, InMemoryLedgerStore> ledgers = new HashMap<>(now.ledgers());
    ledgers.remove(orgId);
    now.faultIndex().removeOrg(orgId);
    world =
        new World(
            Map.copyOf(tills),
            Map.copyOf(clients),
            Map.copyOf(ledgers),
            now.faultIndex(),
            tokenKey);
    return true;
  }

  @Override
  public synchronized long addFault(FaultSpec spec) {
    World now = world;
    SeedRules.checkFault(spec, now);
    long id = nextFaultId();
    now.faultIndex().add(new FaultEntry(id, spec));
    return id;
  }

  @Override
  public List<DeclaredFault> faults() {
    return world.faultIndex().all();
  }

  @Override
  public synchronized boolean removeFault(long id) {
    return world.faultIndex().remove(id);
  }

  @Override
  public boolean fire(long id) {
    FaultEntry fault = world.faultIndex().get(id);
    return fault != null && fault.fire();
  }

  private long nextFaultId() {
    return faultIds.incrementAndGet();
  }

  @Override
  public void close() {}

  /** Adds the snapshot to the maps; ledgers already there are changed in place. */
  private static void fill(
      SeedSnapshot snapshot,
      Map<String, TillCredential> tills,
      Map<String, ClientCredential> clients,
      Map<Long, InMemoryLedgerStore> ledgers) {
    for (OrgSnapshot org : snapshot.orgs()) {
      org.tills().forEach(till -> tills.put(till.username(), till));
      org.clients().forEach(client -> clients.put(client.key(), client));
      InMemoryLedgerStore ledger =
          ledgers.computeIfAbsent(org.orgId(), id -> new InMemoryLedgerStore());
      org.customers().forEach(ledger::putCustomer);
      org.badges().forEach(ledger::putBadge);
      org.earnInstances().forEach(ledger::putEarn);
    }
  }
}
