package dev.revokeearn.mockstate;

import dev.revokeearn.ledger.LedgerStore;
import dev.revokeearn.ledger.entity.Customer;
import dev.revokeearn.ledger.entity.CustomerKey;
import dev.revokeearn.ledger.entity.IdentifierType;
import dev.revokeearn.seed.Seed;
import dev.revokeearn.seed.SeedSnapshots;
import dev.revokeearn.state.OrgSnapshot;
import dev.revokeearn.state.SeedSnapshot;
import dev.revokeearn.state.State;
import dev.revokeearn.state.StateConflict;
import dev.revokeearn.state.StateStore;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The start-up seed and what goes back to it: written at start (unless the store holds a complete
 * seed already), put back whole by {@link #reset()}, added to by {@link #apply(Seed)}. Every use of
 * the store waits for the start-up seed ({@link #store()}).
 */
public final class Seeding {
  /** The start-up seed as of a given moment; read again on every reset (it may be a large file). */
  private final Function<Clock, SeedSnapshot> seedSource;

  private final Clock clock;
  private final StateStore store;

  /** Whether the start-up seed was written; every use of the store waits for it. */
  private final CompletableFuture<Boolean> seeded;

  /**
   * @param seeder runs the seeding: the caller's thread, or one of its own so that a server can be
   *     built meanwhile (start-up is most of a test run's wait)
   */
  Seeding(
      Function<Clock, SeedSnapshot> seedSource, Clock clock, StateStore store, Executor seeder) {
    this.seedSource = seedSource;
    this.clock = clock;
    this.store = store;
    // Read and checked even when the store keeps its state: a seed that has become invalid is
    // reported at start, not at the first reset.
    seeded =
        CompletableFuture.supplyAsync(() -> store.seedIfUnseeded(seedSource.apply(clock)), seeder);
  }

  /**
   * Whether the start-up seed was written at start, once it is; false when the store held a
   * complete seed already (a durable store's earlier state, or another replica's).
   *
   * @throws dev.revokeearn.seed.SeedException when the seed does not read or check
   * @throws RuntimeException whatever else the store threw
   */
  public boolean seededAtStart() {
    try {
      return seeded.join();
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

  /** The store, once the start-up seed is in it. */
  StateStore store() {
    seededAtStart();
    return store;
  }

  /**
   * Back to the start-up seed: later earns, revokes and added state are gone. The seed is read and
   * checked first; if that fails, nothing changes.
   *
   * @throws dev.revokeearn.seed.SeedException when the seed (file) no longer reads or checks
   */
  void reset() {
    SeedSnapshot seed = seedSource.apply(clock);
    store().replace(seed);
  }

  /**
   * One org back to the start-up seed, the others untouched: its earns, revokes, credentials and
   * faults as the seed has them. An org the seed does not have is left as it is.
   *
   * @throws dev.revokeearn.seed.SeedException when the seed (file) no longer reads or checks
   */
  public void resetOrg(long orgId) {
    SeedSnapshot seed = seedSource.apply(clock);
    List<OrgSnapshot> org = seed.orgs().stream().filter(o -> o.orgId() == orgId).toList();
    if (org.isEmpty()) {
      return;
    }
    StateStore store = store();
    store.drop(orgId);
    store.add(
        new SeedSnapshot(
            org, seed.faults().stream().filter(fault -> fault.orgId() == orgId).toList()));
  }

  /** The orgs of the start-up seed, in its order. */
  public Set<Long> seedOrgIds() {
    Set<Long> ids = new LinkedHashSet<>();
    seedSource.apply(clock).orgs().forEach(org -> ids.add(org.orgId()));
    return ids;
  }

  /**
   * Adds a seed's orgs and entities; an entity with an id already present replaces it. Checked
   * whole before anything changes.
   *
   * @throws dev.revokeearn.seed.SeedException naming the place of a value that is wrong
   * @throws dev.revokeearn.state.StateConflict when the seed clashes with the state
   */
  public void apply(Seed seed) {
    SeedSnapshot snapshot = SeedSnapshots.of(seed, "seed", clock.instant());
    StateStore store = store();
    requireOwnIdentifiers(store.current(), snapshot);
    store.add(snapshot);
  }

  /**
   * An identifier names one customer of an org: a seed added to the state may not give a customer
   * an email, mobile, external id or card another customer of the org already has (the seed's own
   * customers are checked against each other when it is read).
   *
   * @throws StateConflict naming the identifier and both customers
   */
  private static void requireOwnIdentifiers(State state, SeedSnapshot snapshot) {
    for (OrgSnapshot org : snapshot.orgs()) {
      Optional<LedgerStore> ledger = state.ledger(org.orgId());
      if (ledger.isEmpty()) {
        continue;
      }
      Set<Long> replaced = new HashSet<>();
      org.customers().forEach(customer -> replaced.add(customer.id()));
      for (Customer customer : org.customers()) {
        for (CustomerKey key : customer.keys()) {
          if (key.type() == IdentifierType.ID) {
            continue;
          }
          Optional<Customer> holder = ledger.get().customer(key);
          if (holder.isPresent()
              && holder.get().id() != customer.id()
              && !replaced.contains(holder.get().id())) {
            throw new StateConflict(
                "org "
                    + org.orgId()
                    + ": customer "
                    + customer.id()
                    + " cannot have "
                    + key.type()
                    + " "
                    + key.value()
                    + ", which is customer "
                    + holder.get().id()
                    + "'s: an identifier names one customer of an org");
          }
        }
      }
    }
  }

  /** Waits for the seeding to end, however it ends (not closed under the seeding thread). */
  void settle() {
    seeded.handle((written, failure) -> null).join();
  }
}
