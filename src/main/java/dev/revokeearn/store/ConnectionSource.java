package dev.revokeearn.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Connections for the JDBC store. Work done inside {@link #inTransaction} on a thread uses that
 * transaction's connection, wherever it asks for one, so a check and the writes it guards commit
 * together.
 */
abstract class ConnectionSource implements AutoCloseable {
  private final ThreadLocal<Connection> transaction = new ThreadLocal<>();

  /** Runs the work with a connection in auto-commit mode (or the thread's transaction). */
  final <T> T withConnection(Sql.Work<T> work) {
    Connection inTransaction = transaction.get();
    if (inTransaction != null) {
      return run(inTransaction, work);
    }
    return borrow(connection -> run(connection, work));
  }

  /** Runs the work as one transaction: all of it is committed, or none. */
  final <T> T inTransaction(Sql.Work<T> work) {
    if (transaction.get() != null) {
      return withConnection(work);
    }
    return borrow(
        connection -> {
          try {
            connection.setAutoCommit(false);
            transaction.set(connection);
            T result = work.run(connection);
            connection.commit();
            return result;
          } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
          } finally {
            transaction.remove();
            connection.setAutoCommit(true);
          }
        });
  }

  /**
   * Runs the work as one transaction that no other writer of the whole state runs beside, on any
   * replica: for resets, seeds, org removal and fault declarations, which check then write.
   */
  final <T> T inExclusiveTransaction(Sql.Work<T> work) {
    return inTransaction(
        connection -> {
          lockState(connection);
          return work.run(connection);
        });
  }

  /** Lends a connection for the work and takes it back. */
  protected abstract <T> T borrow(Sql.Work<T> work);

  /** Holds the state's lock until the transaction ends (nothing to do with one connection). */
  protected void lockState(Connection connection) throws SQLException {}

  @Override
  public abstract void close();

  private static <T> T run(Connection connection, Sql.Work<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new SqlStoreException(e);
    }
  }

  /**
   * SQLite: one connection, one thread at a time. SQLite serializes writers anyway, and one
   * connection makes every statement see every commit at once.
   */
  static ConnectionSource single(Connection connection) {
    return new ConnectionSource() {
      private final ReentrantLock lock = new ReentrantLock();

      @Override
      protected <T> T borrow(Sql.Work<T> work) {
        lock.lock();
        try {
          return work.run(connection);
        } catch (SQLException e) {
          throw new SqlStoreException(e);
        } finally {
          lock.unlock();
        }
      }

      @Override
      public void close() {
        lock.lock();
        try {
          connection.close();
        } catch (SQLException e) {
          throw new SqlStoreException(e);
        } finally {
          lock.unlock();
        }
      }
    };
  }

  /**
   * A pool (PostgreSQL): each piece of work borrows a connection of its own; the state's lock is a
   * transaction-scoped advisory lock, which every replica on the database shares.
   */
  static ConnectionSource pooled(DataSource pool, AutoCloseable closePool) {
    return new ConnectionSource() {
      /** "revoke-earn state" as a number: the advisory lock's key. */
      private static final long STATE_LOCK = 0x7265766f6b65L;

      @Override
      protected void lockState(Connection connection) throws SQLException {
        try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
          lock.setLong(1, STATE_LOCK);
          lock.execute();
        }
      }

      @Override
      protected <T> T borrow(Sql.Work<T> work) {
        try (Connection connection = pool.getConnection()) {
          return work.run(connection);
        } catch (SQLException e) {
          throw new SqlStoreException(e);
        }
      }

      @Override
      public void close() {
        try {
          closePool.close();
        } catch (Exception e) {
          throw new SqlStoreException(e);
        }
      }
    };
  }
}
