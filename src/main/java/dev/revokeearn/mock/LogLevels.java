package dev.revokeearn.mock;

/**
 * The mock's log levels for what its libraries say (slf4j-simple reads them once, when the first
 * logger is made). Jetty's start and stop lines are noise in a test run and in front of the banner;
 * HikariCP prints a stack trace for each connection a PostgreSQL outage breaks, where the mock logs
 * one line saying the database is unavailable. Jetty's connection warns, in a line of a kilobyte
 * and more, each time a request whose body the mock refused before it was whole (408, 413) closes
 * with its read pending: that is the refusal working, and a client without credentials could repeat
 * it. (Its connection's two other warnings go with it: an internal consistency check, and a
 * dispatch failing outside every handler, where the error boundary leaves nothing to fail. Jetty 11
 * has no way to withdraw the pending read when the deadline answers from its timer thread.)
 */
public final class LogLevels {
  private LogLevels() {}

  /** Sets each level that the user did not set. */
  public static void defaults(boolean verbose) {
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty.server.HttpConnection", "error");
    setIfAbsent("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "error");
  }

  /**
   * The standalone jar's logging: warnings and errors only, unless {@code --verbose} asks for more.
   * Call before WireMock starts.
   */
  public static void standalone(boolean verbose) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    defaults(verbose);
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    // Initialise SLF4J now, on this thread: the contract is parsed on another one at once, and
    // SLF4J reports ("replayed") log calls that race its initialisation.
    org.slf4j.LoggerFactory.getILoggerFactory();
  }

  private static void setIfAbsent(String name, String value) {
    if (System.getProperty(name) == null) {
      System.setProperty(name, value);
    }
  }
}
