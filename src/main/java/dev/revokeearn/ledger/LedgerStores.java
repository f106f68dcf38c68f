package dev.revokeearn.ledger;

import java.util.Set;

/**
 * Where every org's ledger state lives: one {@link LedgerStore} per org. The in-memory stores are
 * the fast default; a durable implementation keeps state across restarts.
 */
public interface LedgerStores extends AutoCloseable {
  /** The org's store, created empty if the org has none yet. */
  LedgerStore open(long orgId);

  /** Orgs that already have state (from an earlier run, for a durable store). */
  Set<Long> orgIds();

  /** Whether nothing was stored before: only then does the seed's ledger data get loaded. */
  boolean isNew();

  /** Forgets an org and everything in its store. */
  void drop(long orgId);

  @Override
  void close();

  /** Stores that live and die with the process. */
  static LedgerStores inMemory() {
    return new LedgerStores() {
      @Override
      public LedgerStore open(long orgId) {
        return new InMemoryLedgerStore();
      }

      @Override
      public Set<Long> orgIds() {
        return Set.of();
      }

      @Override
      public boolean isNew() {
        return true;
      }

      @Override
      public void drop(long orgId) {}

      @Override
      public void close() {}
    };
  }
}
