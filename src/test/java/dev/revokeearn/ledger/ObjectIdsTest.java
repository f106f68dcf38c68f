package dev.revokeearn.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObjectIdsTest {
  @Test
  void idsAreTwentyFourLowercaseHexAndUnique() {
    ObjectIds ids = new ObjectIds(Clock.systemUTC());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      String id = ids.get();
      assertThat(id).matches("[0-9a-f]{24}");
      assertThat(seen.add(id)).as("duplicate %s", id).isTrue();
    }
  }
}
