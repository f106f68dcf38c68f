package dev.revokeearn.cli;

import sun.misc.Signal;

/**
 * Runs a stop action on SIGTERM or Ctrl-C (SIGINT) and lets the process exit 0. A JVM shutdown hook
 * alone would stop the server too, but the process would then exit 143 or 130, which CI pipelines
 * read as a failure.
 */
final class StopSignals {
  private StopSignals() {}

  static void onStop(Runnable stop) {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(new Signal(name), signal -> stop.run());
      } catch (IllegalArgumentException e) {
        // The signal does not exist on this platform, or the JVM reserves it: keep the default.
      }
    }
  }
}
