package dev.revokeearn.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revokeearn.admin.model.FaultDeclaration;
import dev.revokeearn.faults.DeclaredFault;
import dev.revokeearn.faults.FaultDeclarations;
import dev.revokeearn.faults.FaultSpec;
import dev.revokeearn.faults.FaultTrigger;
import dev.revokeearn.ledger.LedgerStore;
import dev.revokeearn.state.ClientCredential;
import dev.revokeearn.state.OrgSnapshot;
import dev.revokeearn.state.SeedRules;
import dev.revokeearn.state.SeedSnapshot;
import dev.revokeearn.state.State;
import dev.revokeearn.state.StateStore;
import dev.revokeearn.state.TillCredential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteDataSource;

/**
 * The state in a database: SQLite on one machine ({@code --state-dir}), PostgreSQL shared by
 * replicas. The schema is Flyway's versioned migrations ({@code dev/revokeearn/store/migration}),
 * the same for both. A seed is written in one transaction together with the row that says it is
 * complete: a kill during seeding leaves the database as it was, and the next start seeds again.
 *
 * <pre>{@code
 * try (JdbcStateStore store = JdbcStateStore.sqlite(Path.of("state"))) {
 *   store.replace(snapshot);
 * }
 * }</pre>
 */
public final class JdbcStateStore implements StateStore {
  /** How many connections to PostgreSQL a mock keeps at most, by default. */
  public static final int DEFAULT_POOL_SIZE = 10;

  private static final String[] TABLES = {
    "re_tills",
    "re_clients",
    "re_customer_keys",
    "re_customers",
    "re_badge_claims",
    "re_badges",
    "re_earns",
    "re_faults",
    "re_orgs" // last: drop() counts its row
  };

  /** Faults read back from the store were checked when declared. */
  private static final SecureRandom SEQUENCE = new SecureRandom();

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConnectionSource db;
  private final byte[] tokenKey;
  private final State state = new Live();

  private JdbcStateStore(ConnectionSource db) {
    this.db = db;
    this.tokenKey = loadTokenKey();
  }

  /**
   * Opens (or creates) {@code dir/state.db}: WAL, {@code synchronous=FULL}, so a change is on disk
   * before the answer that follows it is sent.
   *
   * @throws IllegalStateException naming what is wrong with the directory or the database
   */
  public static JdbcStateStore sqlite(Path dir) {
    Path file = dir.resolve("state.db").toAbsolutePath();
    try {
      OwnerOnly.directory(dir);
      OwnerOnly.file(file); // SQLite gives its -wal and -shm files the database file's mode
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the state directory " + dir, e);
    }
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + file);
    try {
      migrate(source, "SQLite " + file);
      Connection connection = source.getConnection();
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("PRAGMA synchronous=FULL");
        statement.execute("PRAGMA busy_timeout=5000");
      }
      return new JdbcStateStore(ConnectionSource.single(connection));
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot open the database " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens a PostgreSQL database that replicas share, through a pool of {@code poolSize}
   * connections, and creates or migrates the schema. Every write is committed before the answer
   * that follows it is sent, and reaches every replica at once.
   *
   * @param url {@code jdbc:postgresql://HOST:PORT/DB}, with the driver's parameters if need be
   * @param user used when the URL names none (PGUSER); may be null
   * @param password used when the URL gives none (PGPASSWORD); may be null
   * @throws IllegalStateException naming what is wrong, the password never shown
   */
  public static JdbcStateStore postgres(String url, String user, String password, int poolSize) {
    return PostgresPool.open(url, user, password, poolSize);
  }

  /** The store over a pool of connections whose schema is migrated (see {@link PostgresPool}). */
  static JdbcStateStore pooled(javax.sql.DataSource pool, AutoCloseable closePool) {
    return new JdbcStateStore(ConnectionSource.pooled(pool, closePool));
  }

  /** Creates or migrates the schema; nothing else touches the database's structure. */
  static void migrate(javax.sql.DataSource source, String what) {
    try {
      Flyway.configure()
          .dataSource(source)
          .locations("classpath:dev/revokeearn/store/migration")
          .table("re_schema_history")
          .baselineOnMigrate(false)
          .load()
          .migrate();
    } catch (RuntimeException e) {
      // Flyway's message is a multi-line report with advice for its own users; the driver's is
      // what a user of the mock can act on.
      throw new IllegalStateException("cannot open " + what + ": " + rootMessage(e), e);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.toString() : root.getMessage();
    return message.lines().findFirst().orElse(message).strip();
  }

  @Override
  public State current() {
    return state;
  }

  @Override
  public boolean seeded() {
    return db.withConnection(JdbcStateStore::seeded);
  }

  @Override
  public void replace(SeedSnapshot snapshot) {
    SeedRules.checkWhole(snapshot);
    db.inExclusiveTransaction(
        c -> {
          replace(c, snapshot);
          return null;
        });
  }

  @Override
  public boolean seedIfUnseeded(SeedSnapshot snapshot) {
    SeedRules.checkWhole(snapshot);
    // Replicas starting together on an empty database: the first seeds, the others find it done.
    return db.inExclusiveTransaction(
        c -> {
          if (seeded(c)) {
            return false;
          }
          replace(c, snapshot);
          return true;
        });
  }

  private static boolean seeded(Connection c) throws SQLException {
    return Statements.queryOne(
            c, "SELECT complete FROM re_seed_state WHERE id = 1", s -> {}, row -> row.getBoolean(1))
        .orElse(false);
  }

  private static void replace(Connection c, SeedSnapshot snapshot) throws SQLException {
    try (Statement statement = c.createStatement()) {
      for (String table : TABLES) {
        statement.executeUpdate("DELETE FROM " + table);
      }
    }
    write(c, snapshot);
    Statements.update(
        c,
        "INSERT INTO re_seed_state (id, complete, seeded_at) VALUES (1, TRUE, ?)"
            + " ON CONFLICT (id) DO UPDATE SET complete = TRUE, seeded_at = excluded.seeded_at",
        s -> s.setLong(1, Clock.systemUTC().millis()));
  }

  @Override
  public void add(SeedSnapshot snapshot) {
    db.inExclusiveTransaction(
        c -> {
          SeedRules.checkAgainst(snapshot, state);
          write(c, snapshot);
          return null;
        });
  }

  @Override
  public long createOrg() {
    while (true) {
      long orgId = 1_000_000_000L + ThreadLocalRandom.current().nextInt(1_000_000_000);
      int added =
          db.withConnection(
              c ->
                  Statements.update(
                      c,
                      "INSERT INTO re_orgs (org_id) VALUES (?) ON CONFLICT DO NOTHING",
                      s -> s.setLong(1, orgId)));
      if (added == 1) {
        return orgId;
      }
    }
  }

  @Override
  public boolean drop(long orgId) {
    return db.inExclusiveTransaction(
        c -> {
          int removed = 0;
          for (String table : TABLES) {
            removed =
                Statements.update(
                    c, "DELETE FROM " + table + " WHERE org_id = ?", s -> s.setLong(1, orgId));
          }
          return removed == 1; // re_orgs comes last: one row if the org was there
        });
  }

  @Override
  public void close() {
    db.close();
  }

  private static void write(Connection c, SeedSnapshot snapshot) throws SQLException {
    for (OrgSnapshot org : snapshot.orgs()) {
      Statements.update(
          c,
          "INSERT INTO re_orgs (org_id) VALUES (?) ON CONFLICT DO NOTHING",
          s -> s.setLong(1, org.orgId()));
      Statements.batch(
          c,
          "INSERT INTO re_tills (username, org_id, password_hash, access_groups) VALUES (?, ?, ?, ?)"
              + " ON CONFLICT (username) DO UPDATE SET org_id = excluded.org_id,"
              + " password_hash = excluded.password_hash, access_groups = excluded.access_groups",
          org.tills(),
          (s, till) -> {
            s.setString(1, till.username());
            s.setLong(2, till.orgId());
            s.setString(3, till.passwordHash());
            s.setString(4, groups(till.accessGroups()));
          });
      Statements.batch(
          c,
          "INSERT INTO re_clients (client_key, org_id, secret_sha256, ttl_seconds, access_groups)"
              + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (client_key) DO UPDATE SET"
              + " org_id = excluded.org_id, secret_sha256 = excluded.secret_sha256,"
              + " ttl_seconds = excluded.ttl_seconds, access_groups = excluded.access_groups",
          org.clients(),
          (s, client) -> {
            s.setString(1, client.key());
            s.setLong(2, client.orgId());
            s.setString(3, client.secretSha256());
            s.setInt(4, client.ttlSeconds());
            s.setString(5, groups(client.accessGroups()));
          });
      JdbcLedgerStore.putCustomers(c, org.orgId(), org.customers());
      JdbcLedgerStore.putBadges(c, org.orgId(), org.badges());
      JdbcLedgerStore.putEarns(c, org.orgId(), org.earnInstances());
    }
    for (FaultSpec fault : snapshot.faults()) {
      insertFault(c, fault);
    }
  }

  private static long insertFault(Connection c, FaultSpec spec) throws SQLException {
    long position =
        Statements.queryOne(
                    c,
                    "SELECT COALESCE(MAX(position), 0) FROM re_faults",
                    s -> {},
                    row -> row.getLong(1))
                .orElse(0L)
            + 1;
    while (true) {
      // 53 bits: an id JSON numbers carry exactly.
      long id = 1 + (SEQUENCE.nextLong() & 0x1F_FFFF_FFFF_FFFEL);
      int added =
          Statements.update(
              c,
              "INSERT INTO re_faults (id, org_id, position, spec_json, times, probability, seed,"
                  + " seen, fired) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0) ON CONFLICT DO NOTHING",
              s -> {
                s.setLong(1, id);
                s.setLong(2, spec.orgId());
                s.setLong(3, position);
                s.setString(4, json(spec));
                if (spec.trigger().times() == null) {
                  s.setNull(5, java.sql.Types.INTEGER);
                } else {
                  s.setInt(5, spec.trigger().times());
                }
                if (spec.trigger().probability() == null) {
                  s.setNull(6, java.sql.Types.DOUBLE);
                } else {
                  s.setDouble(6, spec.trigger().probability());
                }
                s.setLong(7, spec.trigger().seed());
              });
      if (added == 1) {
        return id;
      }
    }
  }

  @Override
  public long addFault(FaultSpec spec) {
    return db.inExclusiveTransaction(
        c -> {
          SeedRules.checkFault(spec, state);
          return insertFault(c, spec);
        });
  }

  @Override
  public List<DeclaredFault> faults() {
    return db.withConnection(
        c ->
            Statements.query(
                c,
                "SELECT id, spec_json, seen, fired FROM re_faults ORDER BY position",
                s -> {},
                JdbcStateStore::declared));
  }

  @Override
  public boolean removeFault(long id) {
    return db.withConnection(
            c -> Statements.update(c, "DELETE FROM re_faults WHERE id = ?", s -> s.setLong(1, id)))
        == 1;
  }

  @Override
  public boolean fire(long id) {
    return db.inTransaction(
        c -> {
          // The UPDATE locks the row: replicas deciding the same fault take turns.
          Optional<Boolean> fires =
              Statements.queryOne(
                  c,
                  "UPDATE re_faults SET seen = seen + 1 WHERE id = ?"
                      + " RETURNING seen, fired, times, probability, seed",
                  s -> s.setLong(1, id),
                  row -> {
                    Integer times = (Integer) nullable(row.getInt(3), row.wasNull());
                    Double probability = (Double) nullable(row.getDouble(4), row.wasNull());
                    return new FaultTrigger(times, probability, row.getLong(5))
                        .fires(row.getLong(1) - 1, row.getLong(2));
                  });
          if (fires.orElse(false)) {
            Statements.update(
                c, "UPDATE re_faults SET fired = fired + 1 WHERE id = ?", s -> s.setLong(1, id));
            return true;
          }
          return false;
        });
  }

  private static Object nullable(Object value, boolean wasNull) {
    return wasNull ? null : value;
  }

  /** A fault as the admin API reads it back, defaults filled in. */
  private static String json(FaultSpec spec) throws SQLException {
    try {
      return JSON.writeValueAsString(FaultDeclarations.declaration(spec));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new SQLException("a fault does not write: " + e.getOriginalMessage(), e);
    }
  }

  private static DeclaredFault declared(java.sql.ResultSet row) throws SQLException {
    try {
      FaultDeclaration declaration = JSON.readValue(row.getString(2), FaultDeclaration.class);
      return new DeclaredFault(
          row.getLong(1),
          FaultDeclarations.spec(declaration, declaration.getOrgId(), ""),
          row.getLong(3),
          row.getLong(4));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new SQLException("a stored fault does not read: " + e.getOriginalMessage(), e);
    }
  }

  private byte[] loadTokenKey() {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    // The first replica to open the database sets the key; every other one reads it.
    return db.inTransaction(
        c -> {
          Statements.update(
              c,
              "INSERT INTO re_token_key (id, secret_hex) VALUES (1, ?) ON CONFLICT DO NOTHING",
              s -> s.setString(1, HexFormat.of().formatHex(fresh)));
          return HexFormat.of()
              .parseHex(
                  Statements.queryOne(
                          c,
                          "SELECT secret_hex FROM re_token_key WHERE id = 1",
                          s -> {},
                          row -> row.getString(1))
                      .orElseThrow());
        });
  }

  private static String groups(Set<String> groups) {
    return groups.stream().sorted().collect(Collectors.joining(","));
  }

  private static Set<String> groups(String text) {
    return text.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(text.split(",")));
  }

  /** The database as it is at each call. */
  private final class Live implements State {
    @Override
    public Optional<TillCredential> till(String username) {
      return db.withConnection(
          c ->
              Statements.queryOne(
                  c,
                  "SELECT org_id, password_hash, access_groups FROM re_tills WHERE username = ?",
                  s -> s.setString(1, username),
                  row ->
                      new TillCredential(
                          row.getLong(1), username, row.getString(2), groups(row.getString(3)))));
    }

    @Override
    public Optional<ClientCredential> client(String key) {
      return db.withConnection(
          c ->
              Statements.queryOne(
                  c,
                  "SELECT org_id, secret_sha256, ttl_seconds, access_groups FROM re_clients"
                      + " WHERE client_key = ?",
                  s -> s.setString(1, key),
                  row ->
                      new ClientCredential(
                          row.getLong(1),
                          key,
                          row.getString(2),
                          row.getInt(3),
                          groups(row.getString(4)))));
    }

    @Override
    public Optional<LedgerStore> ledger(long orgId) {
      boolean exists =
          db.withConnection(
              c ->
                  Statements.queryOne(
                          c,
                          "SELECT 1 FROM re_orgs WHERE org_id = ?",
                          s -> s.setLong(1, orgId),
                          row -> true)
                      .isPresent());
      return exists ? Optional.of(new JdbcLedgerStore(db, orgId)) : Optional.empty();
    }

    @Override
    public Set<Long> orgIds() {
      return new HashSet<>(
          db.withConnection(
              c ->
                  Statements.query(
                      c, "SELECT org_id FROM re_orgs", s -> {}, row -> row.getLong(1))));
    }

    @Override
    public byte[] tokenKey() {
      return tokenKey.clone();
    }

    @Override
    public List<DeclaredFault> faults(long orgId) {
      return db.withConnection(
          c ->
              Statements.query(
                  c,
                  "SELECT id, spec_json, seen, fired FROM re_faults WHERE org_id = ?"
                      + " ORDER BY position",
                  s -> s.setLong(1, orgId),
                  JdbcStateStore::declared));
    }
  }
}
