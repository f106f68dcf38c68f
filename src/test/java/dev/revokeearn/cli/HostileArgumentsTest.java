package dev.revokeearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.testing.Gen;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated command lines: every one ends in exit code 0, 1 or 2 with errors as one line each, and
 * never a stack trace. A command line that starts the mock is stopped once it serves. {@code
 * -Dhostile.seed=N} replays a run.
 */
class HostileArgumentsTest {
  static final long SEED = Long.getLong("hostile.seed", System.nanoTime());

  @TempDir Path dir;

  @Test
  void everyCommandLineEndsCleanly() throws Exception {
    System.out.printf("Hostile arguments: seed %d (replay: -Dhostile.seed=%d)%n", SEED, SEED);
    Path garbage = dir.resolve("garbage.yaml");
    Files.writeString(garbage, "orgs: [{orgId: , tills: [{username: a}]}]\n");
    Path afile = dir.resolve("a-file");
    Files.writeString(afile, "x");
    Gen gen = new Gen(SEED);
    List<String> values =
        List.of(
            "0",
            "-1",
            "65536",
            "99999999999",
            "x",
            "",
            " ",
            "127.0.0.1",
            "::1",
            "999.1.1.1",
            "0.0.0.0",
            garbage.toString(),
            afile.toString(),
            dir.toString(),
            dir.resolve("missing/deeper").toString(),
            "/proc/nope/ready",
            "http://",
            "ftp://x",
            "--port",
            "NaN",
            "1e3",
            "not (",
            "@x",
            "%s%n",
            "\u0000",
            "é");
    List<String> flags =
        List.of(
            "--port",
            "--bind",
            "--seed",
            "--root-dir",
            "--state-dir",
            "--journal-entries",
            "--admin-token",
            "--admin-remote",
            "--ready-file",
            "--verbose",
            "--prot",
            "-p",
            "--",
            "-",
            "---",
            "--port=",
            "--seed=" + garbage,
            "check --base-url",
            "check --min-coverage",
            "check --tags",
            "check --data",
            "check --report-dir " + afile + " --base-url",
            "check --customer-id");
    int cases = 250;
    for (int i = 0; i < cases; i++) {
      List<String> args = new ArrayList<>();
      for (int a = 0; a < gen.between(0, 4); a++) {
        for (String part : gen.pick(flags).split(" ")) {
          args.add(part);
        }
        if (gen.chance(80)) {
          args.add(gen.pick(values));
        }
      }
      if (args.contains("check") && !args.contains("--base-url")) {
        args.add("--base-url");
        args.add("ftp://not-http"); // a run of the whole suite would take seconds
      }
      inTempDir(args, flags);
      if (!args.contains("--port")) {
        args.add("--port");
        args.add("0");
      }
      run("arguments case " + i + " (seed " + SEED + "): " + args, args);
    }
    System.out.printf("Hostile arguments: %d command lines%n", cases);
  }

  /** A relative path given to a flag that writes resolves in the temp dir, not the build's. */
  private void inTempDir(List<String> args, List<String> flags) {
    List<String> writers = List.of("--root-dir", "--state-dir", "--ready-file", "--report-dir");
    for (int i = 0; i + 1 < args.size(); i++) {
      String value = args.get(i + 1);
      if (writers.contains(args.get(i)) && !value.startsWith("/") && !flags.contains(value)) {
        args.set(i + 1, dir.resolve("relative").toString() + "/" + value);
      }
    }
  }

  private void run(String what, List<String> args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    MockCommand command = new MockCommand();
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                MockCommand.run(
                    command,
                    Map.of(),
                    new PrintWriter(out, true),
                    new PrintWriter(err, true),
                    args.toArray(String[]::new)));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!exit.isDone() && System.nanoTime() < deadline) {
      if (out.toString().contains(" ready at ")) {
        command.stop();
      }
      Thread.sleep(5);
    }
    assertThat(exit.isDone()).as(what + " ended within 20 s; out=" + out + " err=" + err).isTrue();
    int code = exit.get();
    String text = out + "\n" + err;
    assertThat(code).as(what + "\n" + text).isIn(0, 1, 2);
    assertThat(text).as(what).doesNotContain("Exception", "\tat ", "java.");
    for (String line : err.toString().lines().toList()) {
      assertThat(line).as(what + "\n" + err).startsWith("error: ");
    }
    if (code != 0) {
      assertThat(err.toString().lines().count()).as(what + "\n" + err).isEqualTo(1);
    }
  }
}
