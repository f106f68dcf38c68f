package dev.revokeearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM at any moment of the first two seconds is a clean stop: exit 0, no ready file left,
 * whether it comes while the seed loads, while Jetty starts, just as the ready file appears or
 * after. The only moments excluded are the JVM's own before it runs the jar's first line (it opens
 * the 68 MB jar first, about 0.2 s here); a signal then ends any JVM with 143, and the mock has
 * written nothing yet. A moment drawn before that is moved to it.
 */
@EnabledOnOs(OS.LINUX) // /proc tells when the JVM runs the jar's code
class StopAtAnyMomentIT {
  /** The thread main starts right after it installs the stop handling (see MockCommand.main). */
  private static final String FIRST_THREAD =
      "revoke-earn-war"; // "revoke-earn-warm-up", as Linux cuts it

  @TempDir Path dir;

  @Test
  void aSigtermAtAnyMomentOfTheFirstTwoSecondsExitsZeroAndLeavesNoReadyFile() throws Exception {
    int runs = Integer.getInteger("stop.runs", 50);
    long seed = Long.getLong("stop.seed", System.nanoTime());
    System.out.println("Stops at any moment: " + runs + " runs, seed " + seed);
    Random random = new Random(seed);
    List<Long> moments = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      moments.add((long) random.nextInt(2000));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        int run = i;
        results.add(pool.submit(() -> stopAt(run, moments.get(run))));
      }
      List<String> failures = new ArrayList<>();
      int afterReady = 0;
      for (Future<String> result : results) {
        String outcome = result.get(2, TimeUnit.MINUTES);
        if (outcome.startsWith("ok")) {
          afterReady += outcome.equals("ok after ready") ? 1 : 0;
        } else {
          failures.add(outcome);
        }
      }
      assertThat(failures).as("runs that did not stop cleanly (seed " + seed + ")").isEmpty();
      System.out.println("Stops at any moment: " + afterReady + " of " + runs + " after ready");
    } finally {
      pool.shutdownNow();
    }
  }

  /** One start, one SIGTERM {@code millis} after it; "ok ..." or what went wrong. */
  private String stopAt(int run, long millis) throws Exception {
    Path ready = dir.resolve("ready-" + run);
    Process process =
        new ProcessBuilder("java", "-jar", jar(), "--port", "0", "--ready-file", ready.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out-" + run).toFile())
            .start();
    long started = System.nanoTime();
    while (!runsTheJarsCode(process.pid()) && process.isAlive()) {
      Thread.sleep(1);
    }
    long sleep = millis - (System.nanoTime() - started) / 1_000_000;
    if (sleep > 0) {
      Thread.sleep(sleep);
    }
    boolean wasReady = Files.exists(ready);
    process.destroy(); // SIGTERM
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return "run " + run + " at " + millis + " ms: still running 30 s after SIGTERM";
    }
    String output = Files.readString(dir.resolve("out-" + run));
    if (process.exitValue() != 0) {
      return "run " + run + " at " + millis + " ms: exit " + process.exitValue() + "; " + output;
    }
    if (Files.exists(ready)) {
      return "run " + run + " at " + millis + " ms: the ready file was left behind";
    }
    return wasReady ? "ok after ready" : "ok";
  }

  private static boolean runsTheJarsCode(long pid) {
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      return tasks.anyMatch(task -> name(task.resolve("comm")).startsWith(FIRST_THREAD));
    } catch (IOException e) {
      return false; // not started yet, or gone
    }
  }

  private static String name(Path comm) {
    try {
      return Files.readString(comm).strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static String jar() {
    return Path.of(System.getProperty("mock.jar", "target/revoke-earn-mock.jar"))
        .toAbsolutePath()
        .toString();
  }
}
