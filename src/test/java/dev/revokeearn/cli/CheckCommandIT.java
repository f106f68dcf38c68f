package dev.revokeearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.testing.BrokenDeployment;
import dev.revokeearn.testing.BrokenDeployment.Breakage;
import dev.revokeearn.testing.JarProcess;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar revoke-earn-mock.jar check} as a release pipeline runs it. */
class CheckCommandIT {
  @TempDir Path dir;

  @Test
  void certifiesTheStandaloneMockAndFailsADeploymentThatNeverAnswers814() throws Exception {
    try (JarProcess mock = JarProcess.start()) {
      JarProcess.Finished healthy =
          JarProcess.run(
              CheckCommandTest.DEMO_ENV,
              "check",
              "--base-url",
              mock.baseUrl(),
              "--report-dir",
              dir.resolve("healthy").toString());
      assertThat(healthy.exitCode()).as(healthy.output()).isZero();
      assertThat(healthy.output().lines().findFirst().orElseThrow())
          .isEqualTo("Conformance check of " + mock.baseUrl() + " (deployment)");
      assertThat(healthy.output().strip()).endsWith("Target " + mock.baseUrl() + ": PASSED");
      assertThat(dir.resolve("healthy/coverage.json")).isNotEmptyFile();
      assertThat(dir.resolve("healthy/cucumber.html")).isNotEmptyFile();

      try (BrokenDeployment broken = BrokenDeployment.start(mock.baseUrl(), Breakage.NEVER_814)) {
        JarProcess.Finished failed =
            JarProcess.run(
                CheckCommandTest.DEMO_ENV,
                "check",
                "--base-url",
                broken.baseUrl(),
                "--report-dir",
                dir.resolve("broken").toString());
        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        assertThat(failed.output())
            .containsPattern("FAILED in \\d+ scenarios, one cause:")
            .contains("         error-814.feature:10 Revoking the same earn instance twice");
      }
    }
  }

  @Test
  void withoutABaseUrlItSelfTestsTheJar() throws Exception {
    JarProcess.Finished run =
        JarProcess.run(Map.of(), "check", "--report-dir", dir.toString(), "--min-coverage", "100");
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).doesNotContain(" INFO ");
  }
}
