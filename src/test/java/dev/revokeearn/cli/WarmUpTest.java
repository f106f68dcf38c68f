package dev.revokeearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WarmUpTest {
  /** A list gone stale (renamed classes, changed dependencies) wastes the head start it gives. */
  @Test
  void theWarmUpListNamesClassesThatExist() throws IOException {
    long listed;
    try (InputStream in = WarmUp.class.getClassLoader().getResourceAsStream(WarmUp.LIST)) {
      listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().count();
    }
    assertThat(listed).as("rerun bench/warm-up-classes.sh").isGreaterThan(1000);
    assertThat(WarmUp.loadListed())
        .as("classes of %s that load; rerun bench/warm-up-classes.sh", WarmUp.LIST)
        .isGreaterThan((int) (listed * 0.95));
  }
}
