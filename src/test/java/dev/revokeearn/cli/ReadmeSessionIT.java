package dev.revokeearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.testing.JarProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README.md's curl session, pasted into bash against the packaged jar, prints what README says. */
class ReadmeSessionIT {
  @Test
  void theCurlSessionPrintsWhatTheReadmeSays() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String session = block(readme, "<!-- curl-session -->");
    String expected = block(readme, "<!-- curl-session-output -->");

    try (JarProcess jar = JarProcess.start()) {
      ProcessBuilder bash = new ProcessBuilder("bash", "-c", session).redirectErrorStream(true);
      bash.environment().put("BASE", jar.baseUrl());
      Process process = bash.start();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      Matcher earned = Pattern.compile("earned: ([0-9a-f]{24})").matcher(output);
      assertThat(earned.find()).as("step 3 printed the new id:\n" + output).isTrue();
      assertThat(output.replace(earned.group(1), "<earnedBadgeId>").strip())
          .isEqualTo(expected.strip());
    }
  }

  /** The fenced block that follows a marker comment. */
  static String block(String readme, String marker) {
    int at = readme.indexOf(marker);
    assertThat(at).as("README.md has " + marker).isNotNegative();
    int open = readme.indexOf("```", at);
    int start = readme.indexOf('\n', open) + 1;
    int end = readme.indexOf("```", start);
    return readme.substring(start, end);
  }
}
