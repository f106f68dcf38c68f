package dev.revokeearn.conformance.glue;

import dev.revokeearn.conformance.ConformanceRun;
import io.cucumber.java.Before;
import org.opentest4j.TestAbortedException;

/** Skips, rather than fails, what a run against a deployment cannot arrange. */
public final class Hooks {
  /** The reason a scenario is skipped; the runner lists the reasons in its summary. */
  static final String MOCK_ONLY =
      "mock-only: needs state only the embedded mock can arrange (its clock, a till without"
          + " access, badges that are not live or must be issued first, injected failures)";

  static TestAbortedException skip(String reason) {
    return new TestAbortedException(reason);
  }

  @Before(order = 1)
  public void notOnceTheRunIsStopped() {
    ConformanceRun.current()
        .flatMap(ConformanceRun::stopped)
        .ifPresent(
            reason -> {
              throw skip("not run: " + reason);
            });
  }

  @Before(value = "@mock-only", order = 2)
  public void onlyAgainstTheMock() {
    if (ConformanceRun.current().map(run -> run.target().live()).orElse(true)) {
      throw skip(MOCK_ONLY);
    }
  }
}
