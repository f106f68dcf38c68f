package dev.revokeearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.conformance.EmbeddedMock;
import dev.revokeearn.testing.BrokenDeployment;
import dev.revokeearn.testing.BrokenDeployment.Breakage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contributors' way, as a user types it: Maven's Surefire runs the conformance test classes
 * together in one JVM (self-tests first, as before the fix that this guards) with {@code
 * -Dconformance.baseUrl} naming a deployment that never answers 814. The build must fail.
 */
class MavenConformanceIT {
  @Test
  void theMavenRunAgainstABrokenDeploymentFails() throws Exception {
    try (EmbeddedMock upstream = EmbeddedMock.start();
        BrokenDeployment broken = BrokenDeployment.start(upstream.baseUrl(), Breakage.NEVER_814)) {
      Path out = Path.of("target/maven-conformance-it");
      List<String> command =
          new ArrayList<>(
              List.of(
                  "mvn",
                  "-B",
                  "-o",
                  "surefire:test",
                  "-Dtest=ConformanceSelfTest,ConformanceTest",
                  "-Dsurefire.runOrder=alphabetical",
                  "-Djacoco.skip=true",
                  "-Dconformance.baseUrl=" + broken.baseUrl(),
                  "-Dsurefire.reportsDirectory=" + out.resolve("surefire-reports").toAbsolutePath(),
                  "-Dconformance.reportDir=" + out.resolve("conformance-report").toAbsolutePath()));
      String localRepo = System.getProperty("maven.repo.local");
      if (localRepo != null && !localRepo.isBlank()) {
        command.add("-Dmaven.repo.local=" + localRepo);
      }
      ProcessBuilder maven = new ProcessBuilder(command).redirectErrorStream(true);
      maven.environment().putAll(CheckCommandTest.DEMO_ENV);
      Process process = maven.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

      assertThat(process.exitValue()).as(output).isNotZero();
      assertThat(output)
          .contains("Conformance check of " + broken.baseUrl())
          .containsPattern("FAILED in \\d+ scenarios, one cause:")
          .contains("         error-814.feature:10 Revoking the same earn instance twice")
          .contains("Target " + broken.baseUrl() + ": FAILED")
          .contains("BUILD FAILURE");
    }
  }
}
