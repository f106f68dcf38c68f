package dev.revokeearn.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.revokeearn.seed.SeedException;
import dev.revokeearn.seed.SeedFiles;
import dev.revokeearn.seed.SeedSnapshots;
import dev.revokeearn.state.InMemoryStateStore;
import dev.revokeearn.state.StateConflict;
import dev.revokeearn.testing.JavaNames;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The seed parser and checker under coverage-guided fuzzing: any bytes are a seed that a store
 * takes, or a problem named in the seed's words. Every build replays the inputs in {@code
 * SeedParserFuzzTestInputs/}; {@code JAZZER_FUZZ=1 mvn test -Dtest=SeedParserFuzzTest} fuzzes.
 */
class SeedParserFuzzTest {
  private static String text(byte[] input) {
    return new String(input, StandardCharsets.UTF_8);
  }

  @FuzzTest(maxDuration = "2m")
  void seedFiles(byte[] input) {
    try {
      var seed = SeedFiles.parse(new ByteArrayInputStream(input), "fuzz");
      var snapshot = SeedSnapshots.of(seed, "fuzz", Instant.EPOCH);
      try (InMemoryStateStore store = new InMemoryStateStore()) {
        store.replace(snapshot);
      } catch (StateConflict conflict) {
        assertThat(JavaNames.notFromInput(conflict.getMessage(), text(input))).isEmpty();
      }
    } catch (SeedException e) {
      assertThat(e.getMessage()).startsWith("fuzz: ");
      assertThat(JavaNames.notFromInput(e.getMessage(), text(input))).as(e.getMessage()).isEmpty();
    }
  }
}
