package dev.revokeearn.state;

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

  /** Everything becomes the snapshot: every other org, credential and earn instance is gone. */
  void replace(SeedSnapshot snapshot);

  /**
   * Adds the snapshot's orgs and entities; an entity with an id already present is replaced.
   *
   * @throws dev.revokeearn.seed.SeedException when it conflicts with the state (a credential of
   *     another org, an earn instance of an unknown badge or customer), changing nothing
   */
  void add(SeedSnapshot snapshot);

  /** A new, empty org under an id no org has. */
  long createOrg();

  /** Removes an org, its credentials and its ledger; false when there was none. */
  boolean drop(long orgId);

  @Override
  void close();
}
