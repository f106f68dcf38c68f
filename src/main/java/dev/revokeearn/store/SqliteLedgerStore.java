package dev.revokeearn.store;

import dev.revokeearn.ledger.BadgeMeta;
import dev.revokeearn.ledger.Customer;
import dev.revokeearn.ledger.CustomerKey;
import dev.revokeearn.ledger.EarnInstance;
import dev.revokeearn.ledger.EarnType;
import dev.revokeearn.ledger.IdentifierType;
import dev.revokeearn.ledger.LedgerStore;
import dev.revokeearn.ledger.ObjectIds;
import dev.revokeearn.ledger.OwnerClaim;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One org's rows in the shared SQLite database. Every method holds the stores' lock (the one
 * connection), and every write is one autocommitted statement or an explicit transaction.
 */
final class SqliteLedgerStore implements LedgerStore {
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private interface Reader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private static final String EARN_COLUMNS =
      "id, badge_meta_id, customer_id, request_id, earned_at, expires_on, active";

  private final Connection db;
  private final Object lock;
  private final long orgId;

  SqliteLedgerStore(Connection db, Object lock, long orgId) {
    this.db = db;
    this.lock = lock;
    this.orgId = orgId;
  }

  @Override
  public void putCustomer(Customer customer) {
    transaction(
        () -> {
          update(
              "DELETE FROM customer_keys WHERE org_id = ? AND customer_id = ?",
              s -> s.setLong(2, customer.id()));
          update(
              "INSERT OR REPLACE INTO customers (org_id, id, email, mobile, external_id) VALUES (?, ?, ?, ?, ?)",
              s -> {
                s.setLong(2, customer.id());
                s.setString(3, customer.email());
                s.setString(4, customer.mobile());
                s.setString(5, customer.externalId());
              });
          for (CustomerKey key : customer.keys()) {
            CustomerKey normal = key.normalized();
            update(
                "INSERT OR REPLACE INTO customer_keys (org_id, type, value, customer_id) VALUES (?, ?, ?, ?)",
                s -> {
                  s.setString(2, normal.type().name());
                  s.setString(3, normal.value());
                  s.setLong(4, customer.id());
                });
          }
        });
  }

  @Override
  public void putBadge(BadgeMeta badge) {
    transaction(
        () -> {
          String id = ObjectIds.normalize(badge.id());
          update(
              "INSERT OR REPLACE INTO badges (org_id, id, earn_type, live, validity_seconds) VALUES (?, ?, ?, ?, ?)",
              s -> {
                s.setString(2, id);
                s.setString(3, badge.earnType().name());
                s.setInt(4, badge.live() ? 1 : 0);
                if (badge.validity() == null) {
                  s.setNull(5, Types.INTEGER);
                } else {
                  s.setLong(5, badge.validity().getSeconds());
                }
              });
          update(
              "DELETE FROM badge_claims WHERE org_id = ? AND badge_id = ?",
              s -> s.setString(2, id));
          for (OwnerClaim claim : badge.claims()) {
            update(
                "INSERT INTO badge_claims (org_id, badge_id, owner_type, reference_id) VALUES (?, ?, ?, ?)",
                s -> {
                  s.setString(2, id);
                  s.setString(3, claim.ownerType());
                  s.setString(4, claim.referenceId());
                });
          }
        });
  }

  @Override
  public void putEarn(EarnInstance instance) {
    synchronized (lock) {
      update(
          "INSERT OR REPLACE INTO earns (org_id, "
              + EARN_COLUMNS
              + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          s -> bindEarn(s, instance));
    }
  }

  @Override
  public Optional<Customer> customer(CustomerKey key) {
    CustomerKey normal = key.normalized();
    synchronized (lock) {
      Optional<Long> id =
          queryOne(
              "SELECT customer_id FROM customer_keys WHERE org_id = ? AND type = ? AND value = ?",
              s -> {
                s.setString(2, normal.type().name());
                s.setString(3, normal.value());
              },
              row -> row.getLong(1));
      return id.flatMap(this::customerById);
    }
  }

  @Override
  public Optional<BadgeMeta> badge(String badgeMetaId) {
    synchronized (lock) {
      return queryOne(
          "SELECT id, earn_type, live, validity_seconds FROM badges WHERE org_id = ? AND id = ?",
          s -> s.setString(2, ObjectIds.normalize(badgeMetaId)),
          this::readBadge);
    }
  }

  @Override
  public Optional<EarnInstance> earn(String earnedBadgeId) {
    synchronized (lock) {
      return queryOne(
          "SELECT " + EARN_COLUMNS + " FROM earns WHERE org_id = ? AND id = ?",
          s -> s.setString(2, ObjectIds.normalize(earnedBadgeId)),
          SqliteLedgerStore::readEarn);
    }
  }

  @Override
  public List<Customer> customers() {
    synchronized (lock) {
      List<Long> ids =
          query("SELECT id FROM customers WHERE org_id = ?", s -> {}, row -> row.getLong(1));
      List<Customer> customers = new ArrayList<>();
      ids.forEach(id -> customerById(id).ifPresent(customers::add));
      return customers;
    }
  }

  @Override
  public List<BadgeMeta> badges() {
    synchronized (lock) {
      return query(
          "SELECT id, earn_type, live, validity_seconds FROM badges WHERE org_id = ?",
          s -> {},
          this::readBadge);
    }
  }

  @Override
  public List<EarnInstance> earns() {
    synchronized (lock) {
      return query(
          "SELECT " + EARN_COLUMNS + " FROM earns WHERE org_id = ?",
          s -> {},
          SqliteLedgerStore::readEarn);
    }
  }

  @Override
  public int earnCount() {
    synchronized (lock) {
      return query("SELECT COUNT(*) FROM earns WHERE org_id = ?", s -> {}, row -> row.getInt(1))
          .get(0);
    }
  }

  @Override
  public Optional<EarnInstance> revoke(String earnedBadgeId, String badgeMetaId, long customerId) {
    synchronized (lock) {
      int changed =
          update(
              "UPDATE earns SET active = 0 WHERE org_id = ? AND id = ? AND badge_meta_id = ?"
                  + " AND customer_id = ? AND active = 1",
              s -> {
                s.setString(2, ObjectIds.normalize(earnedBadgeId));
                s.setString(3, ObjectIds.normalize(badgeMetaId));
                s.setLong(4, customerId);
              });
      return changed == 1 ? earn(earnedBadgeId) : Optional.empty();
    }
  }

  @Override
  public boolean addEarn(EarnInstance instance) {
    synchronized (lock) {
      return update(
              "INSERT OR IGNORE INTO earns (org_id, "
                  + EARN_COLUMNS
                  + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              s -> bindEarn(s, instance))
          == 1;
    }
  }

  @Override
  public void clear() {
    transaction(
        () -> {
          for (String table :
              List.of("customers", "customer_keys", "badges", "badge_claims", "earns")) {
            update("DELETE FROM " + table + " WHERE org_id = ?", s -> {});
          }
        });
  }

  private Optional<Customer> customerById(long id) {
    Optional<Customer> row =
        queryOne(
            "SELECT id, email, mobile, external_id FROM customers WHERE org_id = ? AND id = ?",
            s -> s.setLong(2, id),
            r ->
                new Customer(
                    r.getLong(1), r.getString(2), r.getString(3), r.getString(4), List.of()));
    return row.map(
        c -> {
          List<String> cards =
              query(
                  "SELECT value FROM customer_keys WHERE org_id = ? AND customer_id = ? AND type = ?",
                  s -> {
                    s.setLong(2, id);
                    s.setString(3, IdentifierType.CARD_NUMBER.name());
                  },
                  r -> r.getString(1));
          return new Customer(c.id(), c.email(), c.mobile(), c.externalId(), cards);
        });
  }

  private BadgeMeta readBadge(ResultSet row) throws SQLException {
    String id = row.getString(1);
    long validity = row.getLong(4);
    Duration duration = row.wasNull() ? null : Duration.ofSeconds(validity);
    EarnType earnType = EarnType.valueOf(row.getString(2));
    boolean live = row.getInt(3) == 1;
    Set<OwnerClaim> claims =
        new HashSet<>(
            query(
                "SELECT owner_type, reference_id FROM badge_claims WHERE org_id = ? AND badge_id = ?",
                s -> s.setString(2, id),
                r -> new OwnerClaim(r.getString(1), r.getString(2))));
    return new BadgeMeta(id, earnType, live, claims, duration);
  }

  private static EarnInstance readEarn(ResultSet row) throws SQLException {
    return new EarnInstance(
        row.getString(1),
        row.getString(2),
        row.getLong(3),
        row.getString(4),
        instant(row, 5),
        instant(row, 6),
        row.getInt(7) == 1);
  }

  private void bindEarn(PreparedStatement s, EarnInstance instance) throws SQLException {
    s.setString(2, ObjectIds.normalize(instance.earnedBadgeId()));
    s.setString(3, ObjectIds.normalize(instance.badgeMetaId()));
    s.setLong(4, instance.customerId());
    s.setString(5, instance.requestId());
    setInstant(s, 6, instance.earnedAt());
    setInstant(s, 7, instance.expiresOn());
    s.setInt(8, instance.active() ? 1 : 0);
  }

  private static Instant instant(ResultSet row, int column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private static void setInstant(PreparedStatement s, int column, Instant value)
      throws SQLException {
    if (value == null) {
      s.setNull(column, Types.INTEGER);
    } else {
      s.setLong(column, value.toEpochMilli());
    }
  }

  /** Runs the writes as one transaction: all or nothing. */
  private void transaction(Runnable writes) {
    synchronized (lock) {
      try {
        db.setAutoCommit(false);
        try {
          writes.run();
          db.commit();
        } catch (RuntimeException e) {
          db.rollback();
          throw e;
        } finally {
          db.setAutoCommit(true);
        }
      } catch (SQLException e) {
        throw new SqlStoreException(e);
      }
    }
  }

  /** Runs a write whose first parameter is the org id; the binder sets the rest. */
  private int update(String sql, Binder binder) {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setLong(1, orgId);
      binder.bind(statement);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new SqlStoreException(e);
    }
  }

  private <T> List<T> query(String sql, Binder binder, Reader<T> reader) {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setLong(1, orgId);
      binder.bind(statement);
      try (ResultSet rows = statement.executeQuery()) {
        List<T> results = new ArrayList<>();
        while (rows.next()) {
          results.add(reader.read(rows));
        }
        return results;
      }
    } catch (SQLException e) {
      throw new SqlStoreException(e);
    }
  }

  private <T> Optional<T> queryOne(String sql, Binder binder, Reader<T> reader) {
    return query(sql, binder, reader).stream().findFirst();
  }
}
