package dev.revokeearn.mockstate;

import dev.revokeearn.auth.Authenticator;
import dev.revokeearn.ledger.LedgerStore;
import dev.revokeearn.seed.Seed;
import dev.revokeearn.seed.SeedSnapshots;
import dev.revokeearn.state.InMemoryStateStore;
import dev.revokeearn.state.SeedSnapshot;
import dev.revokeearn.state.State;
import dev.revokeearn.state.StateStore;
import java.time.Clock;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything the mock knows, over one {@link StateStore}: the {@link Seeding} it starts from and
 * goes back to, its {@link Orgs}, their declared {@link Faults}, and what each org received ({@link
 * ExchangeLog}).
 *
 * <pre>{@code
 * MockState state = new MockState(SeedFiles.defaultSeed(), Clock.systemUTC());
 * long revoked = state.orgs().ledger(100737).orElseThrow().store().earnCount();
 * }</pre>
 */
public final class MockState implements AutoCloseable {
  private final Clock clock;
  private final Authenticator authenticator;
  private final StateStore store;
  private final Seeding seeding;
  private final Orgs orgs;
  private final Faults faults;
  private final ExchangeLog exchanges;
  private final ProviderStates providerStates;

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
    this(seedSource, clock, store, exchangesPerOrg, false);
  }

  /**
   * As the constructor, but the start-up seed is read and applied on a thread of its own, so a
   * server can be built meanwhile. Every use of the state waits for the seed; {@link
   * Seeding#seededAtStart()} reports its failure.
   */
  public static MockState seedingInBackground(
      Function<Clock, SeedSnapshot> seedSource,
      Clock clock,
      StateStore store,
      int exchangesPerOrg) {
    return new MockState(seedSource, clock, store, exchangesPerOrg, true);
  }

  private MockState(
      Function<Clock, SeedSnapshot> seedSource,
      Clock clock,
      StateStore store,
      int exchangesPerOrg,
      boolean inBackground) {
    this.clock = clock;
    this.store = store;
    this.authenticator = new Authenticator(clock);
    this.exchanges = new ExchangeLog(exchangesPerOrg);
    this.seeding =
        new Seeding(
            seedSource,
            clock,
            store,
            inBackground
                ? seed -> {
                  Thread thread = new Thread(seed, "revoke-earn-seed");
                  thread.setDaemon(true);
                  thread.start();
                }
                : Runnable::run);
    this.orgs = new Orgs(seeding, clock, exchanges);
    this.faults = new Faults(seeding);
    this.providerStates = new ProviderStates(this);
    if (!inBackground) {
      seeding.seededAtStart();
    }
  }

  public Seeding seeding() {
    return seeding;
  }

  public Orgs orgs() {
    return orgs;
  }

  public Faults faults() {
    return faults;
  }

  /** Pact's provider states, set up and torn down. */
  public ProviderStates providerStates() {
    return providerStates;
  }

  /** What each org received: requests and answers, per org. */
  public ExchangeLog exchanges() {
    return exchanges;
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  public Clock clock() {
    return clock;
  }

  /** The state as it is now: take it once per request. */
  public State current() {
    return seeding.store().current();
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

  /**
   * Back to the start-up seed, and every org's log emptied; nothing changes when the seed no longer
   * reads or checks.
   *
   * @throws dev.revokeearn.seed.SeedException naming the problem
   */
  public void reset() {
    seeding.reset();
    exchanges.clear();
  }

  @Override
  public void close() {
    seeding.settle();
    store.close();
  }
}
