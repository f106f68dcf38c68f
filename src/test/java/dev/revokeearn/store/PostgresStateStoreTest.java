package dev.revokeearn.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revokeearn.state.StateStore;
import dev.revokeearn.state.StateStoreContract;
import dev.revokeearn.testing.Postgres;
import dev.revokeearn.testing.Race;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real PostgreSQL, and what only a shared database has to show: two stores
 * on one database (two replicas) see each other's writes at once and race fairly.
 */
class PostgresStateStoreTest extends StateStoreContract {
  String url;

  @Override
  protected StateStore newStore() {
    url = Postgres.newDatabase();
    return JdbcStateStore.postgres(url, null, null, 8);
  }

  @Test
  void aSecondReplicaSeesTheFirstsWritesAndSharesItsTokenKey() {
    try (StateStore replica = JdbcStateStore.postgres(url, null, null, 4)) {
      assertThat(replica.seeded()).isTrue();
      assertThat(replica.current().tokenKey()).isEqualTo(store.current().tokenKey());
      long org = store.createOrg();
      assertThat(replica.current().orgIds()).contains(org);

      assertThat(ledger(100737).revoke(EARNED, BADGE, 62090013)).isPresent();
      assertThat(replica.current().ledger(100737).orElseThrow().revoke(EARNED, BADGE, 62090013))
          .isEmpty();
      assertThat(replica.seedIfUnseeded(snapshot(SEED))).as("seeded already").isFalse();
    }
  }

  @RepeatedTest(5)
  void racingRevokesOnTwoReplicasHaveExactlyOneWinner() throws Exception {
    try (StateStore replica = JdbcStateStore.postgres(url, null, null, 8)) {
      List<Boolean> won =
          Race.run(
              THREADS,
              () -> {
                StateStore either = Thread.currentThread().getId() % 2 == 0 ? store : replica;
                return either
                    .current()
                    .ledger(100737)
                    .orElseThrow()
                    .revoke(EARNED, BADGE, 62090013)
                    .isPresent();
              });
      assertThat(won).containsOnlyOnce(true);
    }
  }

  @Test
  void replicasStartingTogetherOnAnEmptyDatabaseSeedItOnce() throws Exception {
    String fresh = Postgres.newDatabase();
    List<Boolean> seeded =
        Race.run(
            4,
            () -> {
              try (StateStore replica = JdbcStateStore.postgres(fresh, null, null, 2)) {
                return replica.seedIfUnseeded(snapshot(SEED));
              }
            });
    assertThat(seeded).containsOnlyOnce(true);
  }

  @Test
  void aDatabaseThatCannotBeReachedIsOneLineWithoutThePassword() {
    assertThatThrownBy(
            () ->
                JdbcStateStore.postgres(
                    "jdbc:postgresql://127.0.0.1:1/nowhere?password=s3cret&connectTimeout=2",
                    null,
                    null,
                    2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot open PostgreSQL jdbc:postgresql://127.0.0.1:1/nowhere")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(
            () ->
                JdbcStateStore.postgres(
                    "jdbc:postgresql://me:s3cret@127.0.0.1:5432/db", null, null, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("?user=...&password=...")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> JdbcStateStore.postgres("jdbc:mysql://x/y", null, null, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:postgresql://");
  }
}
