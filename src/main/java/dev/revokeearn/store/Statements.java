package dev.revokeearn.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Prepared statements run on a connection, closed when done. */
final class Statements {
  private Statements() {}

  static int update(Connection db, String sql, Sql.Binder binder) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      binder.bind(statement);
      return statement.executeUpdate();
    }
  }

  static <T> List<T> query(Connection db, String sql, Sql.Binder binder, Sql.Reader<T> reader)
      throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      binder.bind(statement);
      try (ResultSet rows = statement.executeQuery()) {
        List<T> results = new ArrayList<>();
        while (rows.next()) {
          results.add(reader.read(rows));
        }
        return results;
      }
    }
  }

  static <T> Optional<T> queryOne(
      Connection db, String sql, Sql.Binder binder, Sql.Reader<T> reader) throws SQLException {
    return query(db, sql, binder, reader).stream().findFirst();
  }

  /** Runs one statement for each item, sent to the database in batches. */
  static <T> void batch(Connection db, String sql, List<T> items, ItemBinder<T> binder)
      throws SQLException {
    if (items.isEmpty()) {
      return;
    }
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      int pending = 0;
      for (T item : items) {
        binder.bind(statement, item);
        statement.addBatch();
        if (++pending == 1000) {
          statement.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        statement.executeBatch();
      }
    }
  }

  interface ItemBinder<T> {
    void bind(PreparedStatement statement, T item) throws SQLException;
  }
}
