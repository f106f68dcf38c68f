package dev.revokeearn.state;

import dev.revokeearn.faults.DeclaredFault;
import dev.revokeearn.faults.FaultSpec;
import java.util.List;

/**
 * Where the mock's state lives: orgs, their credentials and their ledgers. In memory is the
 * default; SQLite keeps it on one machine; PostgreSQL shares it between replicas. Every store
 * passes the same contract tests. Changes are atomic: a {@link #replace} or {@link #add} is seen
 * whole or not at all, and one that fails changes nothing.
 */
public interface StateStore extends AutoCloseable {
  /** The state as it is now, for one request. */
  State current();

  /** Whether the store holds a complete seed (false for a new store, or one killed mid-seed). */
  boolean seeded();

  /**
   * Everything becomes the snapshot: every other org, credential, earn instance and fault is gone;
   * the snapshot's faults start counting afresh.
   */
  void replace(SeedSnapshot snapshot);

  /**
   * {@link #replace} unless the store holds a complete seed already, decided and done at once: of
   * replicas starting together on one empty database, one seeds it.
   *
   * @return whether the snapshot was stored
   */
  boolean seedIfUnseeded(SeedSnapshot snapshot);

  /**
   * Adds the snapshot's orgs and entities; an entity with an id already present is replaced.
   *
   * @throws dev.revokeearn.seed.SeedException when it conflicts with the state (a credential of
   *     another org, an earn instance of an unknown badge or customer), changing nothing
   */
  void add(SeedSnapshot snapshot);

  /** A new, empty org under an id no org has. */
  long createOrg();

  /** Removes an org, its credentials, its ledger and its faults; false when there was none. */
  boolean drop(long orgId);

  /**
   * Declares a fault, after those declared before it (the first that fires for a request wins).
   *
   * @return its id
   * @throws StateConflict when its org does not exist
   */
  long addFault(FaultSpec spec);

  /** Every declared fault, in declaration order, with its counts. */
  List<DeclaredFault> faults();

  /** Removes a fault; false when there was none. */
  boolean removeFault(long id);

  /**
   * Counts one more request the fault matched, and says whether it fires for it: atomically, so
   * {@code times: 1} fires once however many requests race for it, on any replica.
   */
  boolean fire(long id);

  @Override
  void close();
}
