package dev.revokeearn.cli;

import java.time.Duration;

/**
 * Ends the process if a stop takes too long: a server thread or a database that hangs must not hold
 * a CI job's {@code kill; wait} forever. The stop was asked for, so the exit code stays 0; the log
 * says it was forced.
 */
final class StopWatchdog {
  private StopWatchdog() {}

  /** Starts the watch; interrupt the thread it returns once the stop is done. */
  static Thread start(Duration deadline) {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(deadline.toMillis());
              } catch (InterruptedException e) {
                return;
              }
              System.err.println(
                  "warning: the mock did not stop within "
                      + deadline.toSeconds()
                      + " s; ending it");
              Runtime.getRuntime().halt(0);
            },
            "revoke-earn-stop-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    return watchdog;
  }
}
