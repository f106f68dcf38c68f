package dev.revokeearn.cli;

import dev.revokeearn.mock.LogLevels;

/** The standalone jar's logging: warnings and errors only, unless --verbose asks for more. */
final class Logging {
  private Logging() {}

  /** slf4j-simple reads these once, when the first logger is made: call before WireMock starts. */
  static void configure(boolean verbose) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    LogLevels.defaults(verbose);
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    // Initialise SLF4J now, on this thread: the contract is parsed on another one at once, and
    // SLF4J reports ("replayed") log calls that race its initialisation.
    org.slf4j.LoggerFactory.getILoggerFactory();
  }
}
