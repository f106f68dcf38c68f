package dev.revokeearn.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revokeearn.auth.AccessGroup;
import dev.revokeearn.auth.Authenticator;
import dev.revokeearn.auth.Md5;
import dev.revokeearn.faults.DeclaredFault;
import dev.revokeearn.faults.Fault;
import dev.revokeearn.faults.FaultOperation;
import dev.revokeearn.faults.FaultSpec;
import dev.revokeearn.faults.FaultSpecs;
import dev.revokeearn.ledger.EarnLedger;
import dev.revokeearn.ledger.LedgerStore;
import dev.revokeearn.ledger.ObjectIds;
import dev.revokeearn.seed.Seed;
import dev.revokeearn.seed.SeedSnapshots;
import dev.revokeearn.state.ClientCredential;
import dev.revokeearn.state.InMemoryStateStore;
import dev.revokeearn.state.OrgSnapshot;
import dev.revokeearn.state.SeedSnapshot;
import dev.revokeearn.state.State;
import dev.revokeearn.state.StateStore;
import dev.revokeearn.state.TillCredential;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Everything the mock knows, over one {@link StateStore}: orgs, credentials, ledgers and declared
 * faults, the seed they start from, and what each org received. {@link #reset()} puts the start-up
 * seed back, whole or not at all; {@link #apply(Seed)} adds to the current state. A durable store
 * that already holds a complete seed keeps its state at start.
 *
 * <pre>{@code
 * MockState state = new MockState(seed -> SeedSnapshots.of(SeedFiles.defaultSeed(), "demo", seed),
 *     Clock.systemUTC(), new InMemoryStateStore(), 1000);
 * }</pre>
 */
public final class MockState implements AutoCloseable {
  /** The start-up seed as of a given moment; read again on every reset (it may be a large file). */
  private final Function<Clock, SeedSnapshot> seedSource;

  private final Clock clock;
  private final Authenticator authenticator;
  private final StateStore store;
  private final ObjectIds ids;
  private final ExchangeLog exchanges;

  /** Whether the start-up seed was written; every use of the store waits for it. */
  private final CompletableFuture<Boolean> seeding;

  public MockState(Seed seed, Clock clock) {
    this(c -> SeedSnapshots.of(seed, "seed", c.instant()), clock, new InMemoryStateStore(), 1000);
  }

  /**
   * @param seedSource the start-up seed, checked, for the clock's now; read at start (and applied
   *     unless the store holds a complete seed already) and again on each {@link #reset()}
   * @param exchangesPerOrg how many requests each org's {@link #exchanges()} keeps
   */
  public MockState(
      Function<Clock, SeedSnapshot> seedSource,
      Clock clock,
      StateStore store,
      int exchangesPerOrg) {
    this(seedSource, clock, store, exchangesPerOrg, Runnable::run);
    awaitSeeded();
  }

  /**
   * As the constructor, but the start-up seed is read and applied on a thread of its own, so a
   * server can be built meanwhile (start-up is most of a test run's wait). Every use of the state
   * waits for the seed; {@link #awaitSeeded()} reports its failure.
   */
  public static MockState seedingInBackground(
      Function<Clock, SeedSnapshot> seedSource,
      Clock clock,
      StateStore store,
      int exchangesPerOrg) {
    return new MockState(
        seedSource,
        clock,
        store,
        exchangesPerOrg,
        seeding -> {
          Thread thread = new Thread(seeding, "revoke-earn-seed");
          thread.setDaemon(true);
          thread.start();
        });
  }

  private MockState(
      Function<Clock, SeedSnapshot> seedSource,
      Clock clock,
      StateStore store,
      int exchangesPerOrg,
      Executor seeder) {
    this.seedSource = seedSource;
    this.clock = clock;
    this.store = store;
    this.authenticator = new Authenticator(clock);
    this.ids = new ObjectIds(clock);
    this.exchanges = new ExchangeLog(exchangesPerOrg);
    // Read and checked even when the store keeps its state: a seed that has become invalid is
    // reported at start, not at the first reset.
    seeding =
        CompletableFuture.supplyAsync(() -> store.seedIfUnseeded(seedSource.apply(clock)), seeder);
  }

  /**
   * Waits until the start-up seed is read, checked and applied.
   *
   * @throws dev.revokeearn.seed.SeedException when the seed does not read or check
   * @throws RuntimeException whatever else the store threw
   */
  public void awaitSeeded() {
    seeded();
  }

  /** Whether the start-up seed was written, once it is; its failure unwrapped. */
  private boolean seeded() {
    try {
      return seeding.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  private StateStore store() {
    awaitSeeded();
    return store;
  }

  /**
   * Whether the start-up seed was written at start; false when the store held a complete seed
   * already (a durable store's earlier state, or another replica's).
   */
  public boolean seededAtStart() {
    return seeded();
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  /** The state as it is now: take it once per request. */
  public State current() {
    return store().current();
  }

  /** What each org received: requests and answers, per org. */
  public ExchangeLog exchanges() {
    return exchanges;
  }

  /** The org's ledger in the given state; empty when there is no such org. */
  public Optional<EarnLedger> ledger(State state, long orgId) {
    return state.ledger(orgId).map(store -> new EarnLedger(store, clock, ids));
  }

  /** The org's ledger as it is now. */
  public Optional<EarnLedger> ledger(long orgId) {
    return ledger(current(), orgId);
  }

  public Set<Long> orgIds() {
    return current().orgIds();
  }

  /** Earn instances in every org. */
  public long earnCount() {
    State state = current();
    return state.orgIds().stream()
        .mapToLong(id -> state.ledger(id).map(LedgerStore::earnCount).orElse(0))
        .sum();
  }

  /** A fresh org's id and the credentials that reach it. */
  public record CreatedOrg(
      long orgId, String username, String password, String key, String secret) {}

  /**
   * A new, empty org with its own till and OAuth client (random secrets, access to badges), for a
   * test suite that must not see anyone else's state. Gone after {@link #reset()}.
   */
  public CreatedOrg createOrg() {
    long orgId = store().createOrg();
    SecureRandom random = new SecureRandom();
    CreatedOrg created =
        new CreatedOrg(
            orgId,
            "org-" + orgId + ".till",
            HexFormat.of().formatHex(random.generateSeed(12)),
            "org-" + orgId + "-key",
            HexFormat.of().formatHex(random.generateSeed(12)));
    Set<String> badges = Set.of(AccessGroup.BADGES);
    store()
        .add(
            new SeedSnapshot(
                List.of(
                    new OrgSnapshot(
                        orgId,
                        List.of(
                            new TillCredential(
                                orgId, created.username(), Md5.hex(created.password()), badges)),
                        List.of(
                            new ClientCredential(
                                orgId,
                                created.key(),
                                ClientCredential.sha256(created.secret()),
                                300,
                                badges)),
                        List.of(),
                        List.of(),
                        List.of()))));
    return created;
  }

  /**
   * Declares a fault, in the admin API's JSON shape.
   *
   * @return its id
   * @throws dev.revokeearn.faults.FaultSpecException naming the field that is wrong
   * @throws dev.revokeearn.state.StateConflict when its org does not exist
   */
  public long declareFault(JsonNode declaration) {
    return store().addFault(FaultSpecs.ofContract().read(declaration, null, ""));
  }

  /** Every declared fault, in declaration order, with how often it matched and fired. */
  public List<DeclaredFault> faults() {
    return store().faults();
  }

  /** Removes a fault; false when there was none. */
  public boolean removeFault(long id) {
    return store().removeFault(id);
  }

  /**
   * The fault that fires for a request the org would serve, if any: the first of the org's faults,
   * in declaration order, that matches the request and whose trigger says yes. Every matching fault
   * up to that one counts the request.
   */
  public Optional<Fault> faultFor(
      State state,
      long orgId,
      FaultOperation operation,
      String customerId,
      String earnedBadgeId,
      String badgeMetaId) {
    for (DeclaredFault fault : state.faults(orgId)) {
      FaultSpec spec = fault.spec();
      if (spec.operation() == operation
          && spec.match().matches(customerId, earnedBadgeId, badgeMetaId)
          && store().fire(fault.id())) {
        return Optional.of(spec.fault());
      }
    }
    return Optional.empty();
  }

  /** A new org with no state and no credentials yet, under an id no other org has. */
  public long createEmptyOrg() {
    return store().createOrg();
  }

  /** Removes an org, its state, its credentials and its exchanges; false if there was none. */
  public boolean removeOrg(long orgId) {
    boolean removed = store().drop(orgId);
    exchanges.forget(orgId);
    return removed;
  }

  /**
   * Back to the start-up seed: later earns, revokes and added state are gone. The seed is read and
   * checked first; if that fails, nothing changes.
   *
   * @throws dev.revokeearn.seed.SeedException when the seed (file) no longer reads or checks
   */
  public void reset() {
    SeedSnapshot seed = seedSource.apply(clock);
    store().replace(seed);
    exchanges.clear();
  }

  /**
   * Adds a seed's orgs and entities; an entity with an id already present replaces it. Checked
   * whole before anything changes.
   *
   * @throws dev.revokeearn.seed.SeedException naming the place of a value that is wrong
   * @throws dev.revokeearn.state.StateConflict when the seed clashes with the state
   */
  public void apply(Seed seed) {
    store().add(SeedSnapshots.of(seed, "seed", clock.instant()));
  }

  @Override
  public void close() {
    seeding.handle((seeded, failure) -> null).join(); // not closed under the seeding thread
    store.close();
  }
}
