package dev.revokeearn.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.state.InMemoryStateStore;
import dev.revokeearn.state.SeedSnapshot;
import dev.revokeearn.state.StateConflict;
import dev.revokeearn.testing.Gen;
import dev.revokeearn.testing.JavaNames;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Generated seed files, mostly the demo seed broken in one or two places: each is a valid snapshot
 * that a store takes, or a {@link SeedException} that names the place in the seed's own words.
 * Nothing else (no NullPointerException, no half-applied seed). {@code -Dhostile.seed=N} replays.
 */
class HostileSeedsTest {
  static final long SEED = Long.getLong("hostile.seed", System.nanoTime());
  static final List<String> SCALARS =
      List.of(
          "",
          "~",
          "null",
          "-1",
          "0",
          "1e99",
          "\"\"",
          "[]",
          "{}",
          "99999999999999999999",
          "x",
          "'a:b'",
          "!!binary aGk=",
          "*a",
          "&a x",
          "2026-13-45T99:00:00Z",
          "true",
          "[null]",
          "{id: }",
          "\"653ddb33b3cda7078c7c68e9\"",
          "- ",
          ": :");

  @Test
  void everySeedIsASnapshotOrANamedProblem() throws IOException {
    System.out.printf("Hostile seeds: seed %d (replay: -Dhostile.seed=%d)%n", SEED, SEED);
    Gen gen = new Gen(SEED);
    List<String> demo = demoLines();
    int valid = 0;
    int cases = 2000;
    for (int i = 0; i < cases; i++) {
      String text = gen.chance(10) ? gen.anyText(0, 400) : String.join("\n", mutate(gen, demo));
      String what = "seed case " + i + " (seed " + SEED + "):\n" + text;
      try {
        Seed seed = SeedFiles.parse(input(text), "hostile");
        SeedSnapshot snapshot = SeedSnapshots.of(seed, "hostile", Instant.EPOCH);
        try (InMemoryStateStore store = new InMemoryStateStore()) {
          store.replace(snapshot);
        } catch (StateConflict conflict) {
          assertThat(conflict.getMessage()).as(what).startsWith("orgs[");
          assertThat(JavaNames.notFromInput(conflict.getMessage(), text)).as(what).isEmpty();
        }
        valid++;
      } catch (SeedException e) {
        assertThat(e.getMessage()).as(what).startsWith("hostile: ");
        assertThat(JavaNames.notFromInput(e.getMessage(), text))
            .as(what + "\n" + e.getMessage())
            .isEmpty();
      } catch (RuntimeException e) {
        throw new AssertionError(what + "\nthrew " + e, e);
      }
    }
    System.out.printf("Hostile seeds: %d cases, %d valid%n", cases, valid);
    assertThat(valid).as("some mutations keep the seed valid").isPositive();
  }

  private static List<String> mutate(Gen gen, List<String> lines) {
    List<String> out = new ArrayList<>(lines);
    for (int m = 0; m < gen.between(1, 3); m++) {
      int at = gen.between(0, out.size() - 1);
      String line = out.get(at);
      switch (gen.between(0, 5)) {
        case 0 -> out.remove(at);
        case 1 -> out.add(at, line);
        case 2 -> {
          int colon = line.indexOf(':');
          if (colon > 0) {
            out.set(at, line.substring(0, colon + 1) + " " + gen.pick(SCALARS));
          }
        }
        case 3 ->
            out.add(
                at,
                line.replaceAll("\\S.*", "")
                    + gen.from(Gen.LETTERS, 1, 8)
                    + ": "
                    + gen.pick(SCALARS));
        case 4 -> out.set(at, line.substring(0, gen.between(0, line.length())));
        default -> out.set(at, " ".repeat(gen.between(0, 6)) + line.strip());
      }
    }
    return out;
  }

  private static List<String> demoLines() throws IOException {
    try (InputStream in =
        HostileSeedsTest.class.getClassLoader().getResourceAsStream(SeedFiles.DEFAULT_SEED)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private static InputStream input(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
