package dev.revokeearn.conformance.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Failures that share one cause, grouped: the same step failing the same way in many scenarios (a
 * set-up step a deployment refuses, say) is one problem to report, not fifty. Ids, request ids and
 * numbers that differ from scenario to scenario are left out of the comparison.
 */
public final class FailureGroups {
  /** One cause: the step and message of its first scenario, and every scenario it failed. */
  public record Group(String step, String message, List<ScenarioResult> scenarios) {}

  private FailureGroups() {}

  public static List<Group> of(List<ScenarioResult> failures) {
    Map<String, List<ScenarioResult>> byCause = new LinkedHashMap<>();
    for (ScenarioResult failure : failures) {
      byCause.computeIfAbsent(cause(failure), key -> new ArrayList<>()).add(failure);
    }
    return byCause.values().stream()
        .map(
            scenarios ->
                new Group(
                    scenarios.get(0).step(),
                    scenarios.get(0).shortMessage(),
                    List.copyOf(scenarios)))
        .toList();
  }

  /** What two failures of one cause have in common. */
  public static String cause(ScenarioResult failure) {
    return (failure.step() + " | " + failure.shortMessage())
        .replaceAll(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "#")
        .replaceAll("[0-9a-fA-F]{16,}", "#")
        .replaceAll("[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]+", "#") // tokens
        .replaceAll("\\d{7,}", "#");
  }
}
