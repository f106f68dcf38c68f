package dev.revokeearn.conformance;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * One run of the features: its target and the contract coverage it records. The runner binds the
 * run to the thread that executes the scenarios (Cucumber runs them on the launching thread), so
 * two runs in one JVM never see each other's target and nothing is read from system properties.
 */
public final class ConformanceRun {
  private static final ThreadLocal<ConformanceRun> BOUND = new ThreadLocal<>();

  private final ConformanceTarget target;
  private final ContractCoverage coverage;

  public ConformanceRun(ConformanceTarget target, ContractCoverage coverage) {
    this.target = target;
    this.coverage = coverage;
  }

  public ConformanceTarget target() {
    return target;
  }

  public ContractCoverage coverage() {
    return coverage;
  }

  /** The run the calling thread executes; empty outside a run of {@link ConformanceRunner}. */
  public static Optional<ConformanceRun> current() {
    return Optional.ofNullable(BOUND.get());
  }

  /** Binds this run to the calling thread while {@code body} runs. */
  <T> T bind(Supplier<T> body) {
    if (BOUND.get() != null) {
      throw new IllegalStateException("a conformance run is already running on this thread");
    }
    BOUND.set(this);
    try {
      return body.get();
    } finally {
      BOUND.remove();
    }
  }
}
