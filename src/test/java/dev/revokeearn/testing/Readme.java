package dev.revokeearn.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced blocks of README.md and docs/, each found by the marker comment above it. */
public final class Readme {
  private Readme() {}

  /**
   * README.md's fenced block that follows a marker comment such as {@code <!-- curl-session -->}.
   */
  public static String block(String marker) {
    return block(Path.of("README.md"), marker);
  }

  /** A Markdown file's fenced block that follows a marker comment. */
  public static String block(Path markdown, String marker) {
    String readme;
    try {
      readme = Files.readString(markdown);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int at = readme.indexOf(marker);
    assertThat(at).as(markdown + " has " + marker).isNotNegative();
    int open = readme.indexOf("```", at);
    int start = readme.indexOf('\n', open) + 1;
    int end = readme.indexOf("```", start);
    return readme.substring(start, end);
  }

  /**
   * Runs the curl session in bash against a mock, and returns what it printed, with the id that
   * step 3 earned written as the README writes it.
   */
  public static String curlSession(String baseUrl) throws Exception {
    ProcessBuilder bash =
        new ProcessBuilder("bash", "-c", block("<!-- curl-session -->")).redirectErrorStream(true);
    bash.environment().put("BASE", baseUrl);
    Process process = bash.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Matcher earned = Pattern.compile("earned: ([0-9a-f]{24})").matcher(output);
    assertThat(earned.find()).as("step 3 printed the new id:\n" + output).isTrue();
    return output.replace(earned.group(1), "<earnedBadgeId>").strip();
  }

  /** What the README says the curl session prints. */
  public static String curlSessionOutput() {
    return block("<!-- curl-session-output -->").strip();
  }
}
