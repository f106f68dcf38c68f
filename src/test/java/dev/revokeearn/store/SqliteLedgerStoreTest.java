package dev.revokeearn.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.ledger.CustomerKey;
import dev.revokeearn.ledger.LedgerStore;
import dev.revokeearn.ledger.LedgerStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLedgerStoreTest extends LedgerStoreContract {
  @TempDir Path dir;
  SqliteLedgerStores stores;

  @Override
  protected LedgerStore newStore() {
    stores = SqliteLedgerStores.open(dir);
    return stores.open(100737);
  }

  @AfterEach
  void close() {
    stores.close();
  }

  @Test
  void stateSurvivesClosingAndReopening() {
    assertThat(store.revoke("654cbea06bccde1274b6d3a2", "653ddb33b3cda7078c7c68e9", 62090013))
        .isPresent();
    assertThat(stores.isNew()).isTrue();
    stores.close();

    stores = SqliteLedgerStores.open(dir);
    LedgerStore reopened = stores.open(100737);

    assertThat(stores.isNew()).isFalse();
    assertThat(stores.orgIds()).containsExactly(100737L);
    assertThat(reopened.earn("654cbea06bccde1274b6d3a2"))
        .hasValueSatisfying(e -> assertThat(e.active()).isFalse());
    assertThat(reopened.customer(CustomerKey.id(62090013))).isPresent();
  }

  @Test
  void orgsDoNotSeeEachOthersRows() {
    LedgerStore other = stores.open(7);
    assertThat(other.earn("654cbea06bccde1274b6d3a2")).isEmpty();
    assertThat(other.revoke("654cbea06bccde1274b6d3a2", "653ddb33b3cda7078c7c68e9", 62090013))
        .isEmpty();
    stores.drop(100737);
    assertThat(stores.orgIds()).containsExactly(7L);
  }
}
