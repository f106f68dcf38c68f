package dev.revokeearn.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revokeearn.ledger.BadgeMeta;
import dev.revokeearn.ledger.Customer;
import dev.revokeearn.ledger.EarnInstance;
import dev.revokeearn.ledger.EarnType;
import dev.revokeearn.state.OrgSnapshot;
import dev.revokeearn.state.SeedSnapshot;
import dev.revokeearn.state.StateStore;
import dev.revokeearn.state.StateStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStateStoreTest extends StateStoreContract {
  @TempDir Path dir;
  int opened;

  @Override
  protected StateStore newStore() {
    return JdbcStateStore.sqlite(dir.resolve("db" + opened++));
  }

  @Test
  void stateAndTheTokenKeySurviveClosingAndReopening() {
    ledger(100737).revoke("654cbea06bccde1274b6d3a2", "653ddb33b3cda7078c7c68e9", 62090013);
    byte[] key = store.current().tokenKey();
    store.close();

    store = JdbcStateStore.sqlite(dir.resolve("db0"));

    assertThat(store.seeded()).isTrue();
    assertThat(store.current().orgIds()).containsExactlyInAnyOrder(100737L, 7L);
    assertThat(ledger(100737).earn("654cbea06bccde1274b6d3a2").orElseThrow().active()).isFalse();
    assertThat(store.current().till("demo.till")).isPresent();
    assertThat(store.current().tokenKey()).isEqualTo(key);
    assertThat(Files.exists(dir.resolve("db0/state.db"))).isTrue();
  }

  @Test
  void aSeedIsOneTransactionThatTheDatabaseCanRefuseWhole() {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    String badge = "653ddb33b3cda7078c7c68e9";
    // Two instances of one badge with one requestId: the unique index refuses the second row,
    // after the rest of the seed has been written.
    SeedSnapshot refused =
        new SeedSnapshot(
            List.of(
                new OrgSnapshot(
                    3,
                    List.of(),
                    List.of(),
                    List.of(new Customer(1, null, null, null, null)),
                    List.of(new BadgeMeta(badge, EarnType.EARN, true, null, null)),
                    List.of(
                        new EarnInstance("aaaaaaaaaaaaaaaaaaaaaaa1", badge, 1, "r", at, null, true),
                        new EarnInstance(
                            "aaaaaaaaaaaaaaaaaaaaaaa2", badge, 1, "r", at, null, true)))));
    try (StateStore fresh = JdbcStateStore.sqlite(dir.resolve("fresh"))) {
      assertThatThrownBy(() -> fresh.replace(refused)).isInstanceOf(SqlStoreException.class);
      assertThat(fresh.seeded()).isFalse();
      assertThat(fresh.current().orgIds()).isEmpty();
    }
    assertThatThrownBy(() -> store.replace(refused)).isInstanceOf(SqlStoreException.class);
    assertThat(store.current().orgIds()).containsExactlyInAnyOrder(100737L, 7L);
  }
}
