package dev.revokeearn.conformance;

import dev.revokeearn.conformance.result.ContractCoverage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * One run of the features: its target, the contract coverage it records, and whether it has been
 * stopped (its time ran out, or a signal came). The runner binds the run to the thread that
 * executes the scenarios (Cucumber runs them on the launching thread), so two runs in one JVM never
 * see each other's target and nothing is read from system properties.
 */
public final class ConformanceRun {
  private static final ThreadLocal<ConformanceRun> BOUND = new ThreadLocal<>();

  private final ConformanceTarget target;
  private final ContractCoverage coverage;
  private final java.time.Duration requestTimeout;
  private final List<Runnable> onStop = new CopyOnWriteArrayList<>();
  private volatile String stopped;
  private String failedStep;

  public ConformanceRun(
      ConformanceTarget target, ContractCoverage coverage, java.time.Duration requestTimeout) {
    this.target = target;
    this.coverage = coverage;
    this.requestTimeout = requestTimeout;
  }

  public ConformanceTarget target() {
    return target;
  }

  public ContractCoverage coverage() {
    return coverage;
  }

  /** How long one request may take, from sending to the last byte of the answer. */
  public java.time.Duration requestTimeout() {
    return requestTimeout;
  }

  /** The run that the calling thread executes; empty outside a run of {@link ConformanceRunner}. */
  public static Optional<ConformanceRun> current() {
    return Optional.ofNullable(BOUND.get());
  }

  /** Why the run was stopped; empty while it goes on. */
  public Optional<String> stopped() {
    return Optional.ofNullable(stopped);
  }

  /** Stops the run: what is in flight is aborted, what has not started is not run. */
  void stop(String reason) {
    if (stopped == null) {
      stopped = reason;
      onStop.forEach(Runnable::run);
    }
  }

  /** Runs the action when the run is stopped (at once if it already is). */
  public void onStop(Runnable action) {
    onStop.add(action);
    if (stopped != null) {
      action.run();
    }
  }

  /** The step of the scenario under way that failed ({@link FailedSteps}). */
  void stepFailed(String step) {
    failedStep = step;
  }

  /** The step that failed since the last call, once; null when none did. */
  String takeFailedStep() {
    String step = failedStep;
    failedStep = null;
    return step;
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
