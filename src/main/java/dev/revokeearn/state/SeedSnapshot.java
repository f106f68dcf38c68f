package dev.revokeearn.state;

import dev.revokeearn.faults.FaultSpec;
import java.util.List;

/**
 * A seed, fully checked, as stores take it: in whole ({@link StateStore#replace}) or added to what
 * is there ({@link StateStore#add}), either way all at once or not at all.
 */
public record SeedSnapshot(List<OrgSnapshot> orgs, List<FaultSpec> faults) {
  public SeedSnapshot {
    orgs = List.copyOf(orgs);
    faults = List.copyOf(faults);
  }

  public SeedSnapshot(List<OrgSnapshot> orgs) {
    this(orgs, List.of());
  }

  public static SeedSnapshot empty() {
    return new SeedSnapshot(List.of());
  }
}
