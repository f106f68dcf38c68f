package dev.revokeearn.store;

import java.sql.SQLException;

/** The durable store failed (disk full, file removed...): a fault of the mock, not the client. */
final class SqlStoreException extends RuntimeException {
  SqlStoreException(SQLException cause) {
    super("ledger database: " + cause.getMessage(), cause);
  }
}
