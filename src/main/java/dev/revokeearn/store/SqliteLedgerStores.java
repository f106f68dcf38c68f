package dev.revokeearn.store;

import dev.revokeearn.ledger.LedgerStore;
import dev.revokeearn.ledger.LedgerStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * The durable ledger: every org's state in one SQLite database, {@code ledger.db} in the state
 * directory. Every write is its own transaction, committed (WAL, synchronous=FULL) before the call
 * returns, so an answer the mock has sent survives a kill. One connection, used by one thread at a
 * time: SQLite serializes writers anyway, and it makes each revoke and earn atomic.
 *
 * <pre>{@code
 * try (LedgerStores stores = SqliteLedgerStores.open(Path.of("state"))) {
 *   LedgerStore org = stores.open(100737);
 * }
 * }</pre>
 */
public final class SqliteLedgerStores implements LedgerStores {
  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS orgs (org_id INTEGER PRIMARY KEY)",
    "CREATE TABLE IF NOT EXISTS customers (org_id INTEGER NOT NULL, id INTEGER NOT NULL,"
        + " email TEXT, mobile TEXT, external_id TEXT, PRIMARY KEY (org_id, id))",
    "CREATE TABLE IF NOT EXISTS customer_keys (org_id INTEGER NOT NULL, type TEXT NOT NULL,"
        + " value TEXT NOT NULL, customer_id INTEGER NOT NULL, PRIMARY KEY (org_id, type, value))",
    "CREATE TABLE IF NOT EXISTS badges (org_id INTEGER NOT NULL, id TEXT NOT NULL,"
        + " earn_type TEXT NOT NULL, live INTEGER NOT NULL, validity_seconds INTEGER,"
        + " PRIMARY KEY (org_id, id))",
    "CREATE TABLE IF NOT EXISTS badge_claims (org_id INTEGER NOT NULL, badge_id TEXT NOT NULL,"
        + " owner_type TEXT NOT NULL, reference_id TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS badge_claims_badge ON badge_claims (org_id, badge_id)",
    "CREATE TABLE IF NOT EXISTS earns (org_id INTEGER NOT NULL, id TEXT NOT NULL,"
        + " badge_meta_id TEXT NOT NULL, customer_id INTEGER NOT NULL, request_id TEXT,"
        + " earned_at INTEGER, expires_on INTEGER, active INTEGER NOT NULL, PRIMARY KEY (org_id, id))",
    "CREATE UNIQUE INDEX IF NOT EXISTS earns_request ON earns (org_id, badge_meta_id, request_id)"
        + " WHERE request_id IS NOT NULL"
  };

  private final Connection db;
  private boolean isNew;

  private SqliteLedgerStores(Connection db) {
    this.db = db;
  }

  /** Opens (or creates) {@code dir/ledger.db}. */
  public static SqliteLedgerStores open(Path dir) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("ledger.db");
      Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement statement = db.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("PRAGMA synchronous=FULL");
        statement.execute("PRAGMA busy_timeout=5000");
        for (String ddl : SCHEMA) {
          statement.execute(ddl);
        }
      }
      SqliteLedgerStores stores = new SqliteLedgerStores(db);
      // A database with no org yet (new, or killed before its seed was stored) takes the seed.
      stores.isNew = stores.orgIds().isEmpty();
      return stores;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the state directory " + dir, e);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot open the ledger database in " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized LedgerStore open(long orgId) {
    try (PreparedStatement insert =
        db.prepareStatement("INSERT OR IGNORE INTO orgs (org_id) VALUES (?)")) {
      insert.setLong(1, orgId);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new SqlStoreException(e);
    }
    return new SqliteLedgerStore(db, this, orgId);
  }

  @Override
  public synchronized Set<Long> orgIds() {
    Set<Long> ids = new HashSet<>();
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery("SELECT org_id FROM orgs")) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    } catch (SQLException e) {
      throw new SqlStoreException(e);
    }
    return ids;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }

  @Override
  public synchronized void drop(long orgId) {
    new SqliteLedgerStore(db, this, orgId).clear();
    try (PreparedStatement delete = db.prepareStatement("DELETE FROM orgs WHERE org_id = ?")) {
      delete.setLong(1, orgId);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new SqlStoreException(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw new SqlStoreException(e);
    }
  }
}
