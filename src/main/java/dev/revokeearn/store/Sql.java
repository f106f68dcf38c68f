package dev.revokeearn.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The small vocabulary the JDBC store is written in. */
final class Sql {
  private Sql() {}

  /** Work on a connection. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Sets a statement's parameters. */
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Reads one row. */
  interface Reader<T> {
    T read(ResultSet row) throws SQLException;
  }
}
