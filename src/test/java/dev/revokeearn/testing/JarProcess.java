package dev.revokeearn.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged mock jar as a child process, as CI users run it; or WireMock's own, hosting ours.
 */
public final class JarProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("ready at (http://\\S+)");

  /** WireMock's runner prints its options once it listens; the port among them. */
  private static final Pattern WIREMOCK_READY = Pattern.compile("^port:\\s+(\\d+)$");

  private final Process process;
  private final String baseUrl;
  private final String firstLine;

  /** What it printed once ready, standard error included, as it comes. */
  private final StringBuffer printedSince;

  private JarProcess(Process process, String baseUrl, String firstLine, StringBuffer printedSince) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.firstLine = firstLine;
    this.printedSince = printedSince;
  }

  /** What a command of the jar that runs to its end printed, and its exit code. */
  public record Finished(int exitCode, String output) {}

  /**
   * Runs {@code java -jar revoke-earn-mock.jar <args>} to its end (at most two minutes).
   *
   * @param env added to this process's environment
   */
  public static Finished run(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("java", "-jar", jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("java -jar " + String.join(" ", args) + " did not end in 2 minutes");
    }
    return new Finished(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private static Path jar() {
    Path jar = Path.of(System.getProperty("mock.jar", "target/revoke-earn-mock.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: run mvn package first");
    }
    return jar;
  }

  /** Starts {@code java -jar revoke-earn-mock.jar --port 0 <args>} and waits for its banner. */
  public static JarProcess start(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("java", "-jar", jar().toString(), "--port", "0"));
    command.addAll(List.of(args));
    return launch(command, READY, "");
  }

  /**
   * Starts WireMock's own runner, {@code java <jvmOptions> -cp <classPath> wiremock.Run --port 0
   * <args>}, and waits until it listens.
   */
  public static JarProcess plainWireMock(
      List<Path> classPath, List<String> jvmOptions, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(String.join(":", classPath.stream().map(Path::toString).toList()));
    command.addAll(List.of("wiremock.Run", "--port", "0", "--disable-banner"));
    command.addAll(List.of(args));
    return launch(command, WIREMOCK_READY, "http://127.0.0.1:");
  }

  /**
   * @param urlPrefix what goes before the ready line's first group to make the base URL
   */
  private static JarProcess launch(List<String> command, Pattern ready, String urlPrefix)
      throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      List<String> before = new ArrayList<>();
      StringBuffer since = new StringBuffer();
      String baseUrl = urlPrefix + awaitReady(process, ready, before, since);
      return new JarProcess(process, baseUrl, before.get(0), since);
    } catch (Exception | AssertionError e) {
      process.destroyForcibly();
      throw e;
    }
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** The first line the jar printed, standard error included. */
  public String firstLine() {
    return firstLine;
  }

  /** What it has printed since it was ready, standard error included. */
  public String printedSinceReady() {
    return printedSince.toString();
  }

  /** Sends SIGTERM and returns the exit code. */
  public int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      throw new AssertionError("the jar did not stop within 15 s of SIGTERM");
    }
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook, no flush, as a crash or an OOM killer would. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(15, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  /**
   * @param printed receives each line printed up to the banner's first
   * @param since receives, as they come, the lines printed after it
   */
  private static String awaitReady(
      Process process, Pattern ready, List<String> printed, StringBuffer since) throws Exception {
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String line;
    while (System.nanoTime() < deadline && (line = lines.readLine()) != null) {
      seen.append(line).append('\n');
      printed.add(line);
      Matcher found = ready.matcher(line);
      if (found.find()) {
        // Keep reading its output so the child never blocks on a full pipe.
        Thread drain =
            new Thread(
                () -> {
                  try {
                    lines.lines().forEach(l -> since.append(l).append('\n'));
                  } catch (java.io.UncheckedIOException e) {
                    // The process was closed: nothing more to drain.
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return found.group(1);
      }
    }
    throw new AssertionError("it did not say it was ready; output:\n" + seen);
  }
}
