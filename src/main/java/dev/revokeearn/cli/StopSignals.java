package dev.revokeearn.cli;

import java.lang.reflect.Proxy;

/**
 * Runs a stop action on SIGTERM or Ctrl-C (SIGINT) and lets the process exit 0. A JVM shutdown hook
 * alone would stop the server too, but the process would then exit 143 or 130, which CI pipelines
 * read as a failure. {@code sun.misc.Signal} (module jdk.unsupported) is the JDK's only way to
 * handle a signal; it is reached by reflection so that the build's compiler prints no warning about
 * it.
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
}
