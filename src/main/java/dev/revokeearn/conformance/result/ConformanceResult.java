package dev.revokeearn.conformance.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verdict of a run: every scenario's result and the contract coverage it reached.
 *
 * @param stopped why the run stopped before its end (its time ran out, a signal); empty if it ran
 *     to its end
 * @param reportProblem why the reports could not be written; empty when they were
 */
public record ConformanceResult(
    String target,
    List<ScenarioResult> scenarios,
    ContractCoverage.Report coverage,
    Optional<String> stopped,
    Optional<String> reportProblem) {

  public ConformanceResult {
    scenarios = List.copyOf(scenarios);
  }

  ConformanceResult withReportProblem(String problem) {
    return new ConformanceResult(target, scenarios, coverage, stopped, Optional.of(problem));
  }

  public long count(ScenarioResult.Status status) {
    return scenarios.stream().filter(s -> s.status() == status).count();
  }

  public List<ScenarioResult> failures() {
    return scenarios.stream().filter(s -> s.status() == ScenarioResult.Status.FAILED).toList();
  }

  /**
   * Whether the target passed: no scenario failed, at least one passed (a run that checked nothing
   * certifies nothing), and the run was not stopped before its end.
   */
  public boolean passed() {
    return failures().isEmpty() && count(ScenarioResult.Status.PASSED) > 0 && stopped.isEmpty();
  }

  /** {@link #passed()}, and at least this share (percent) of the contract's answers covered. */
  public boolean passed(double minCoverage) {
    return passed() && coverage.percent() >= minCoverage;
  }

  /** How many scenarios were skipped for each reason. */
  public Map<String, Long> skipReasons() {
    Map<String, Long> reasons = new LinkedHashMap<>();
    scenarios.stream()
        .filter(s -> s.status() == ScenarioResult.Status.SKIPPED)
        .forEach(s -> reasons.merge(s.message(), 1L, Long::sum));
    return reasons;
  }
}
