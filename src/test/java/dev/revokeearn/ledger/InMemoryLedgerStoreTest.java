package dev.revokeearn.ledger;

class InMemoryLedgerStoreTest extends LedgerStoreContract {
  @Override
  protected LedgerStore newStore() {
    return new InMemoryLedgerStore();
  }
}
