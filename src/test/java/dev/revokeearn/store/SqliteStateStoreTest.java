package dev.revokeearn.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revokeearn.auth.Md5;
import dev.revokeearn.ledger.entity.BadgeMeta;
import dev.revokeearn.ledger.entity.Customer;
import dev.revokeearn.ledger.entity.EarnInstance;
import dev.revokeearn.ledger.entity.EarnType;
import dev.revokeearn.state.OrgSnapshot;
import dev.revokeearn.state.SeedSnapshot;
import dev.revokeearn.state.StateStore;
import dev.revokeearn.state.StateStoreContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
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

  /** What the mock creates is its user's only; and the file holds nothing a request can send. */
  @Test
  void theStateDirectoryAndDatabaseAreOwnerOnlyAndHoldNoPasswordHash() throws Exception {
    store.close();
    store = JdbcStateStore.sqlite(dir.resolve("db0"));
    assertThat(Files.getPosixFilePermissions(dir.resolve("db0")))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.getPosixFilePermissions(dir.resolve("db0/state.db")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(store.current().till("demo.till").orElseThrow().accepts(Md5.hex("demo-password")))
        .isTrue();
    store.close();
    String bytes =
        new String(Files.readAllBytes(dir.resolve("db0/state.db")), StandardCharsets.ISO_8859_1);
    assertThat(bytes).contains("demo.till").doesNotContain(Md5.hex("demo-password"));
  }

  /** A database written before passwords were salted is migrated: its tills still sign in. */
  @Test
  void aDatabaseWithUnsaltedPasswordsIsMigratedAndItsTillsStillSignIn() throws Exception {
    Path old = dir.resolve("old");
    Files.createDirectories(old);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old.resolve("state.db"))) {
      Flyway.configure()
          .dataSource("jdbc:sqlite:" + old.resolve("state.db"), null, null)
          .locations("classpath:dev/revokeearn/store/migration")
          .table("re_schema_history")
          .target("2")
          .load()
          .migrate();
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO re_orgs (org_id) VALUES (5)");
        s.execute(
            "INSERT INTO re_tills (username, org_id, password_md5, access_groups) VALUES"
                + " ('old.till', 5, '"
                + Md5.hex("old-password")
                + "', 'badges')");
      }
    }
    store.close();
    store = JdbcStateStore.sqlite(old);
    assertThat(store.current().till("old.till").orElseThrow().accepts(Md5.hex("old-password")))
        .isTrue();
    assertThat(store.current().till("old.till").orElseThrow().passwordHash())
        .doesNotContain(Md5.hex("old-password"));
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
