package dev.revokeearn.state;

import dev.revokeearn.faults.DeclaredFault;
import dev.revokeearn.faults.FaultSpec;

/** A fault in the in-memory store: its declaration and its counts, which change in place. */
final class FaultEntry {
  private final long id;
  private final FaultSpec spec;
  private long seen;
  private long fired;

  FaultEntry(long id, FaultSpec spec) {
    this.id = id;
    this.spec = spec;
  }

  long id() {
    return id;
  }

  FaultSpec spec() {
    return spec;
  }

  synchronized boolean fire() {
    boolean fires = spec.trigger().fires(seen, fired);
    seen++;
    if (fires) {
      fired++;
    }
    return fires;
  }

  synchronized DeclaredFault declared() {
    return new DeclaredFault(id, spec, seen, fired);
  }
}
