package dev.revokeearn.cli;

import java.lang.reflect.Proxy;
import java.time.Duration;

/**
 * Runs a stop action on SIGTERM or Ctrl-C (SIGINT) and lets the process exit 0, and makes sure a
 * stop ends it ({@link #watchdog}). A JVM shutdown hook alone would stop the server too, but the
 * process would then exit 143 or 130, which CI pipelines read as a failure. {@code sun.misc.Signal}
 * (module jdk.unsupported) is the JDK's only way to handle a signal; it is reached by reflection so
 * that the build's compiler prints no warning about it.
 */
final class StopSignals {
  private StopSignals() {}

  static void onStop(Runnable stop) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Object onSignal =
          Proxy.newProxyInstance(
              StopSignals.class.getClassLoader(),
              new Class<?>[] {handler},
              (proxy, method, args) -> {
                if (method.getName().equals("handle")) {
                  stop.run();
                  return null;
                }
                return method.getName().equals("toString") ? "revoke-earn stop" : null;
              });
      for (String name : new String[] {"TERM", "INT"}) {
        try {
          signal
              .getMethod("handle", signal, handler)
              .invoke(null, signal.getConstructor(String.class).newInstance(name), onSignal);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
          // The signal does not exist on this platform, or the JVM reserves it: keep the default.
        }
      }
    } catch (ClassNotFoundException e) {
      // A JDK without jdk.unsupported: the JVM's own handling stays (exit 143 or 130).
    }
  }

  /**
   * Ends the process if a stop takes too long: a server thread or a database that hangs must not
   * hold a CI job's {@code kill; wait} forever. The stop was asked for, so the exit code stays 0;
   * the log says it was forced. Interrupt the thread it returns once the stop is done.
   */
  static Thread watchdog(Duration deadline) {
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
