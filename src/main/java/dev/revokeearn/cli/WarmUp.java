package dev.revokeearn.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads the server's classes on a second core while the command line is parsed. Start-up is mostly
 * class loading (WireMock, Jetty, Jackson: thousands of classes), which the JVM otherwise does on
 * the main thread, one class at a time, as each is first needed. The classes are listed in start-up
 * order in {@value #LIST} ({@code bench/warm-up-classes.sh} writes it); they are loaded and linked,
 * not initialised, so nothing runs earlier or elsewhere than it would. A stale list only costs
 * time.
 */
final class WarmUp {
  static final String LIST = "revoke-earn/warm-up-classes.txt";

  private WarmUp() {}

  static void inBackground() {
    Thread thread = new Thread(WarmUp::loadListed, "revoke-earn-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * @return how many of the listed classes loaded
   */
  static int loadListed() {
    ClassLoader loader = WarmUp.class.getClassLoader();
    int loaded = 0;
    try (InputStream in = loader.getResourceAsStream(LIST);
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String name = lines.readLine(); name != null; name = lines.readLine()) {
        try {
          Class.forName(name, false, loader);
          loaded++;
        } catch (ClassNotFoundException | LinkageError e) {
          // a head start only: the main thread loads what it needs anyway
        }
      }
    } catch (IOException | RuntimeException e) {
      // as above
    }
    return loaded;
  }
}
