package dev.revokeearn.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The connections of a PostgreSQL store: HikariCP over the driver's own data source (no
 * DriverManager, so nothing depends on which jar registered which driver). Kept apart from {@link
 * JdbcStateStore} so that only a PostgreSQL store needs these classes: the consumer library ships
 * without them.
 */
final class PostgresPool {
  private PostgresPool() {}

  static JdbcStateStore open(String url, String user, String password, int poolSize) {
    String shown = redacted(url);
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "--state-url must be jdbc:postgresql://HOST:PORT/DATABASE, got " + shown);
    }
    if (USER_INFO.matcher(url).find()) {
      // libpq's user:password@host, which the JDBC driver would take for a host name.
      throw new IllegalArgumentException(
          "--state-url takes no user:password@ before the host: give ?user=...&password=... or"
              + " PGUSER and PGPASSWORD, got "
              + shown);
    }
    if (poolSize < 1 || poolSize > 1000) {
      throw new IllegalArgumentException(
          "--state-pool-size must be from 1 to 1000, got " + poolSize);
    }
    PGSimpleDataSource source = new PGSimpleDataSource();
    try {
      source.setURL(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--state-url " + shown + ": " + e.getMessage(), e);
    }
    if (source.getUser() == null && user != null && !user.isBlank()) {
      source.setUser(user);
    }
    if (source.getPassword() == null && password != null) {
      source.setPassword(password);
    }
    HikariConfig config = new HikariConfig();
    config.setDataSource(source);
    config.setPoolName("revoke-earn-state");
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(Math.min(2, poolSize));
    // A request waits this long for a connection before it is answered 503 (database down).
    config.setConnectionTimeout(3_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot open PostgreSQL " + shown + ": " + JdbcStateStore.rootMessage(e), e);
    }
    try {
      JdbcStateStore.migrate(pool, "PostgreSQL " + shown);
      return JdbcStateStore.pooled(pool, pool);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static final java.util.regex.Pattern USER_INFO =
      java.util.regex.Pattern.compile("^jdbc:postgresql://[^/?]*@");

  /** The URL as it may be shown: any password parameter and any user:password@ blanked out. */
  static String redacted(String url) {
    return url == null
        ? null
        : url.replaceAll("(?i)(password=)[^&]*", "$1***")
            .replaceFirst("^(jdbc:postgresql://)[^/?]*@", "$1***@");
  }
}
