package dev.revokeearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README.md's CI recipe (start in the background, wait until ready, run, stop) against the jar. */
class ReadmeCiRecipeIT {
  @Test
  void theServeRecipeStartsWaitsRunsAndStopsCleanly(@TempDir Path dir) throws Exception {
    String recipe =
        ReadmeSessionIT.block(Files.readString(Path.of("README.md")), "<!-- ci-serve -->");
    Path jar =
        Path.of(System.getProperty("mock.jar", "target/revoke-earn-mock.jar")).toAbsolutePath();

    ProcessBuilder bash =
        new ProcessBuilder("bash", "-e", "-c", recipe + "\necho \"served at $CAPILLARY_BASE_URL\"")
            .directory(dir.toFile())
            .redirectErrorStream(true);
    bash.environment().put("MOCK_JAR", jar.toString());
    Process process = bash.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).containsPattern("served at http://127\\.0\\.0\\.1:\\d+");
  }

  @Test
  void theRecipeFailsWhenTheMockCannotStart(@TempDir Path dir) throws Exception {
    String recipe =
        ReadmeSessionIT.block(Files.readString(Path.of("README.md")), "<!-- ci-serve -->");
    Path jar =
        Path.of(System.getProperty("mock.jar", "target/revoke-earn-mock.jar")).toAbsolutePath();

    ProcessBuilder bash =
        new ProcessBuilder("bash", "-c", recipe.replace("--port 0", "--port 0 --seed missing.yaml"))
            .directory(dir.toFile())
            .redirectErrorStream(true);
    bash.environment().put("MOCK_JAR", jar.toString());
    Process process = bash.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(output).contains("missing.yaml does not exist");
  }
}
