package dev.revokeearn.conformance;

/**
 * How one scenario of a run ended.
 *
 * @param location the feature file and line, e.g. {@code error-814.feature:9}
 * @param message why it failed or was skipped; null when it passed
 */
public record ScenarioResult(String location, String name, Status status, String message) {
  public enum Status {
    PASSED,
    FAILED,
    SKIPPED
  }
}
