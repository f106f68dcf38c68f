package dev.revokeearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.testing.JarProcess;
import dev.revokeearn.testing.Readme;
import org.junit.jupiter.api.Test;

/** README.md's curl session, pasted into bash against the packaged jar, prints what README says. */
class ReadmeSessionIT {
  @Test
  void theCurlSessionPrintsWhatTheReadmeSays() throws Exception {
    try (JarProcess jar = JarProcess.start()) {
      assertThat(Readme.curlSession(jar.baseUrl())).isEqualTo(Readme.curlSessionOutput());
    }
  }
}
