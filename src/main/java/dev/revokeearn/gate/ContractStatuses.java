package dev.revokeearn.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP statuses the contract declares for each operation, so that nothing the mock is told to
 * answer (an injected error) can fall outside it. Read straight from the YAML: the status keys sit
 * in each operation, no reference needs resolving, and this stays off the start-up path.
 *
 * <pre>{@code
 * ContractStatuses.shared().declares("revokeEarn", 503); // true
 * }</pre>
 */
public final class ContractStatuses {
  private static volatile ContractStatuses shared;

  private final Map<String, Set<Integer>> byOperation;

  ContractStatuses(String contractYaml) {
    JsonNode paths;
    try {
      paths = new ObjectMapper(new YAMLFactory()).readTree(contractYaml).path("paths");
    } catch (IOException e) {
      throw new UncheckedIOException("The contract does not read as YAML", e);
    }
    Map<String, Set<Integer>> statuses = new HashMap<>();
    paths.forEach(
        path ->
            path.forEach(
                operation -> {
                  Set<Integer> declared = new HashSet<>();
                  operation
                      .path("responses")
                      .fieldNames()
                      .forEachRemaining(status -> declared.add(Integer.parseInt(status)));
                  statuses.put(operation.path("operationId").asText(), Set.copyOf(declared));
                }));
    byOperation = Map.copyOf(statuses);
  }

  /** The statuses of the contract packed in the jar, read at first use. */
  public static ContractStatuses shared() {
    ContractStatuses statuses = shared;
    if (statuses == null) {
      synchronized (ContractStatuses.class) {
        if (shared == null) {
          shared = new ContractStatuses(Contract.text());
        }
        statuses = shared;
      }
    }
    return statuses;
  }

  /** Whether the operation (by operationId) declares a response with this status. */
  public boolean declares(String operationId, int status) {
    return byOperation.getOrDefault(operationId, Set.of()).contains(status);
  }
}
