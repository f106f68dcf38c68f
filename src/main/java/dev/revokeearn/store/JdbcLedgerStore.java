package dev.revokeearn.store;

import dev.revokeearn.ledger.LedgerStore;
import dev.revokeearn.ledger.ObjectIds;
import dev.revokeearn.ledger.entity.BadgeMeta;
import dev.revokeearn.ledger.entity.Customer;
import dev.revokeearn.ledger.entity.CustomerKey;
import dev.revokeearn.ledger.entity.EarnInstance;
import dev.revokeearn.ledger.entity.EarnType;
import dev.revokeearn.ledger.entity.IdentifierType;
import dev.revokeearn.ledger.entity.OwnerClaim;
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
 * One org's ledger in the database. The two writes that matter are single statements: a revoke is
 * one conditional {@code UPDATE ... RETURNING}, an earn one {@code INSERT ... ON CONFLICT DO
 * NOTHING} against the unique (badge, requestId) index, so they are exactly-once however many
 * replicas race.
 */
final class JdbcLedgerStore implements LedgerStore {
  private static final String EARN_COLUMNS =
      "id, badge_meta_id, customer_id, request_id, earned_at, expires_on, active";

  private final ConnectionSource db;
  private final long orgId;

  JdbcLedgerStore(ConnectionSource db, long orgId) {
    this.db = db;
    this.orgId = orgId;
  }

  @Override
  public void putCustomer(Customer customer) {
    db.inTransaction(
        c -> {
          putCustomers(c, orgId, List.of(customer));
          return null;
        });
  }

  @Override
  public void putBadge(BadgeMeta badge) {
    db.inTransaction(
        c -> {
          putBadges(c, orgId, List.of(badge));
          return null;
        });
  }

  @Override
  public void putEarn(EarnInstance instance) {
    db.inTransaction(
        c -> {
          putEarns(c, orgId, List.of(instance));
          return null;
        });
  }

  @Override
  public Optional<Customer> customer(CustomerKey key) {
    CustomerKey normal = key.normalized();
    return db.withConnection(
        c -> {
          Optional<Long> id =
              Statements.queryOne(
                  c,
                  "SELECT customer_id FROM re_customer_keys WHERE org_id = ? AND type = ? AND value = ?",
                  s -> {
                    s.setLong(1, orgId);
                    s.setString(2, normal.type().name());
                    s.setString(3, normal.value());
                  },
                  row -> row.getLong(1));
          return id.isEmpty() ? Optional.empty() : customerById(c, id.get());
        });
  }

  @Override
  public Optional<BadgeMeta> badge(String badgeMetaId) {
    return db.withConnection(
        c ->
            Statements.queryOne(
                c,
                "SELECT id, earn_type, live, validity_seconds FROM re_badges WHERE org_id = ? AND id = ?",
                s -> {
                  s.setLong(1, orgId);
                  s.setString(2, ObjectIds.normalize(badgeMetaId));
                },
                row -> readBadge(c, row)));
  }

  @Override
  public Optional<EarnInstance> earn(String earnedBadgeId) {
    return db.withConnection(
        c ->
            Statements.queryOne(
                c,
                "SELECT " + EARN_COLUMNS + " FROM re_earns WHERE org_id = ? AND id = ?",
                s -> {
                  s.setLong(1, orgId);
                  s.setString(2, ObjectIds.normalize(earnedBadgeId));
                },
                JdbcLedgerStore::readEarn));
  }

  @Override
  public List<Customer> customers() {
    return db.withConnection(
        c -> {
          List<Long> ids =
              Statements.query(
                  c,
                  "SELECT id FROM re_customers WHERE org_id = ? ORDER BY id",
                  s -> s.setLong(1, orgId),
                  row -> row.getLong(1));
          List<Customer> customers = new ArrayList<>();
          for (long id : ids) {
            customerById(c, id).ifPresent(customers::add);
          }
          return customers;
        });
  }

  @Override
  public List<BadgeMeta> badges() {
    return db.withConnection(
        c ->
            Statements.query(
                c,
                "SELECT id, earn_type, live, validity_seconds FROM re_badges WHERE org_id = ? ORDER BY id",
                s -> s.setLong(1, orgId),
                row -> readBadge(c, row)));
  }

  @Override
  public List<EarnInstance> earns() {
    return db.withConnection(
        c ->
            Statements.query(
                c,
                "SELECT " + EARN_COLUMNS + " FROM re_earns WHERE org_id = ? ORDER BY id",
                s -> s.setLong(1, orgId),
                JdbcLedgerStore::readEarn));
  }

  @Override
  public int earnCount() {
    return db.withConnection(
        c ->
            Statements.queryOne(
                    c,
                    "SELECT COUNT(*) FROM re_earns WHERE org_id = ?",
                    s -> s.setLong(1, orgId),
                    row -> row.getInt(1))
                .orElse(0));
  }

  @Override
  public Optional<EarnInstance> revoke(String earnedBadgeId, String badgeMetaId, long customerId) {
    return db.withConnection(
        c ->
            Statements.queryOne(
                c,
                "UPDATE re_earns SET active = FALSE WHERE org_id = ? AND id = ? AND badge_meta_id = ?"
                    + " AND customer_id = ? AND active = TRUE RETURNING "
                    + EARN_COLUMNS,
                s -> {
                  s.setLong(1, orgId);
                  s.setString(2, ObjectIds.normalize(earnedBadgeId));
                  s.setString(3, ObjectIds.normalize(badgeMetaId));
                  s.setLong(4, customerId);
                },
                JdbcLedgerStore::readEarn));
  }

  @Override
  public boolean addEarn(EarnInstance instance) {
    return db.withConnection(
            c ->
                Statements.update(
                    c,
                    "INSERT INTO re_earns (org_id, "
                        + EARN_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    s -> bindEarn(s, orgId, instance)))
        == 1;
  }

  // --- writing a seed's entities, in the caller's transaction ---

  static void putCustomers(Connection c, long orgId, List<Customer> customers) throws SQLException {
    Statements.batch(
        c,
        "DELETE FROM re_customer_keys WHERE org_id = ? AND customer_id = ?",
        customers,
        (s, customer) -> {
          s.setLong(1, orgId);
          s.setLong(2, customer.id());
        });
    Statements.batch(
        c,
        "INSERT INTO re_customers (org_id, id, email, mobile, external_id) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (org_id, id) DO UPDATE SET email = excluded.email,"
            + " mobile = excluded.mobile, external_id = excluded.external_id",
        customers,
        (s, customer) -> {
          s.setLong(1, orgId);
          s.setLong(2, customer.id());
          s.setString(3, customer.email());
          s.setString(4, customer.mobile());
          s.setString(5, customer.externalId());
        });
    List<Object[]> keys = new ArrayList<>();
    for (Customer customer : customers) {
      for (CustomerKey key : customer.keys()) {
        CustomerKey normal = key.normalized();
        keys.add(new Object[] {normal.type().name(), normal.value(), customer.id()});
      }
    }
    Statements.batch(
        c,
        "INSERT INTO re_customer_keys (org_id, type, value, customer_id) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (org_id, type, value) DO UPDATE SET customer_id = excluded.customer_id",
        keys,
        (s, key) -> {
          s.setLong(1, orgId);
          s.setString(2, (String) key[0]);
          s.setString(3, (String) key[1]);
          s.setLong(4, (Long) key[2]);
        });
  }

  static void putBadges(Connection c, long orgId, List<BadgeMeta> badges) throws SQLException {
    Statements.batch(
        c,
        "INSERT INTO re_badges (org_id, id, earn_type, live, validity_seconds) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (org_id, id) DO UPDATE SET earn_type = excluded.earn_type,"
            + " live = excluded.live, validity_seconds = excluded.validity_seconds",
        badges,
        (s, badge) -> {
          s.setLong(1, orgId);
          s.setString(2, ObjectIds.normalize(badge.id()));
          s.setString(3, badge.earnType().name());
          s.setBoolean(4, badge.live());
          if (badge.validity() == null) {
            s.setNull(5, Types.BIGINT);
          } else {
            s.setLong(5, badge.validity().getSeconds());
          }
        });
    Statements.batch(
        c,
        "DELETE FROM re_badge_claims WHERE org_id = ? AND badge_id = ?",
        badges,
        (s, badge) -> {
          s.setLong(1, orgId);
          s.setString(2, ObjectIds.normalize(badge.id()));
        });
    List<Object[]> claims = new ArrayList<>();
    for (BadgeMeta badge : badges) {
      for (OwnerClaim claim : badge.claims()) {
        claims.add(
            new Object[] {ObjectIds.normalize(badge.id()), claim.ownerType(), claim.referenceId()});
      }
    }
    Statements.batch(
        c,
        "INSERT INTO re_badge_claims (org_id, badge_id, owner_type, reference_id) VALUES (?, ?, ?, ?)",
        claims,
        (s, claim) -> {
          s.setLong(1, orgId);
          s.setString(2, (String) claim[0]);
          s.setString(3, (String) claim[1]);
          s.setString(4, (String) claim[2]);
        });
  }

  static void putEarns(Connection c, long orgId, List<EarnInstance> earns) throws SQLException {
    Statements.batch(
        c,
        "INSERT INTO re_earns (org_id, "
            + EARN_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (org_id, id) DO UPDATE SET"
            + " badge_meta_id = excluded.badge_meta_id, customer_id = excluded.customer_id,"
            + " request_id = excluded.request_id, earned_at = excluded.earned_at,"
            + " expires_on = excluded.expires_on, active = excluded.active",
        earns,
        (s, earn) -> bindEarn(s, orgId, earn));
  }

  // --- reading ---

  private Optional<Customer> customerById(Connection c, long id) throws SQLException {
    Optional<Customer> row =
        Statements.queryOne(
            c,
            "SELECT id, email, mobile, external_id FROM re_customers WHERE org_id = ? AND id = ?",
            s -> {
              s.setLong(1, orgId);
              s.setLong(2, id);
            },
            r -> new Customer(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), null));
    if (row.isEmpty()) {
      return row;
    }
    List<String> cards =
        Statements.query(
            c,
            "SELECT value FROM re_customer_keys WHERE org_id = ? AND customer_id = ? AND type = ?"
                + " ORDER BY value",
            s -> {
              s.setLong(1, orgId);
              s.setLong(2, id);
              s.setString(3, IdentifierType.CARD_NUMBER.name());
            },
            r -> r.getString(1));
    Customer customer = row.get();
    return Optional.of(
        new Customer(
            customer.id(), customer.email(), customer.mobile(), customer.externalId(), cards));
  }

  private BadgeMeta readBadge(Connection c, ResultSet row) throws SQLException {
    String id = row.getString(1);
    EarnType earnType = EarnType.valueOf(row.getString(2));
    boolean live = row.getBoolean(3);
    long validity = row.getLong(4);
    Duration duration = row.wasNull() ? null : Duration.ofSeconds(validity);
    Set<OwnerClaim> claims =
        new HashSet<>(
            Statements.query(
                c,
                "SELECT owner_type, reference_id FROM re_badge_claims WHERE org_id = ? AND badge_id = ?",
                s -> {
                  s.setLong(1, orgId);
                  s.setString(2, id);
                },
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
        row.getBoolean(7));
  }

  private static void bindEarn(PreparedStatement s, long orgId, EarnInstance instance)
      throws SQLException {
    s.setLong(1, orgId);
    s.setString(2, ObjectIds.normalize(instance.earnedBadgeId()));
    s.setString(3, ObjectIds.normalize(instance.badgeMetaId()));
    s.setLong(4, instance.customerId());
    s.setString(5, instance.requestId());
    setInstant(s, 6, instance.earnedAt());
    setInstant(s, 7, instance.expiresOn());
    s.setBoolean(8, instance.active());
  }

  private static Instant instant(ResultSet row, int column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private static void setInstant(PreparedStatement s, int column, Instant value)
      throws SQLException {
    if (value == null) {
      s.setNull(column, Types.BIGINT);
    } else {
      s.setLong(column, value.toEpochMilli());
    }
  }
}
