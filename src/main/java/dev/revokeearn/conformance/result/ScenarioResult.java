package dev.revokeearn.conformance.result;

/**
 * How one scenario of a run ended.
 *
 * @param location the feature file and line, e.g. {@code error-814.feature:9}
 * @param message why it failed or was skipped; null when it passed
 * @param step the step that failed ({@code Then the answer is ...}); null when none did, or when
 *     the failure came from outside a step
 */
public record ScenarioResult(
    String location, String name, Status status, String message, String step) {
  public enum Status {
    PASSED,
    FAILED,
    SKIPPED
  }

  /** The message on one line: AssertJ's "expected: ... but was: ..." lines joined, shortened. */
  public String shortMessage() {
    String joined = String.valueOf(message).strip().replaceAll("\\s*\\n\\s*", " ");
    return joined.length() > 400 ? joined.substring(0, 400) + "..." : joined;
  }
}
