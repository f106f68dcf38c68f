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

  /** Capillary error codes of the contract's examples, by operationId and status. */
  private final Map<String, Map<Integer, Set<Long>>> codes;

  ContractStatuses(String contractYaml) {
    JsonNode contract;
    try {
      contract = new ObjectMapper(new YAMLFactory()).readTree(contractYaml);
    } catch (IOException e) {
      throw new UncheckedIOException("The contract does not read as YAML", e);
    }
    JsonNode responses = contract.path("components").path("responses");
    Map<String, Set<Integer>> statuses = new HashMap<>();
    Map<String, Map<Integer, Set<Long>>> codesByOperation = new HashMap<>();
    contract
        .path("paths")
        .forEach(
            path ->
                path.forEach(
                    operation -> {
                      Set<Integer> declared = new HashSet<>();
                      Map<Integer, Set<Long>> exampleCodes = new HashMap<>();
                      operation
                          .path("responses")
                          .fields()
                          .forEachRemaining(
                              response -> {
                                int status = Integer.parseInt(response.getKey());
                                declared.add(status);
                                exampleCodes.put(
                                    status, exampleCodes(resolve(response.getValue(), responses)));
                              });
                      String id = operation.path("operationId").asText();
                      statuses.put(id, Set.copyOf(declared));
                      codesByOperation.put(id, Map.copyOf(exampleCodes));
                    }));
    byOperation = Map.copyOf(statuses);
    codes = Map.copyOf(codesByOperation);
  }

  /** A response, or the component response it refers to. */
  private static JsonNode resolve(JsonNode response, JsonNode components) {
    String ref = response.path("$ref").asText("");
    return ref.startsWith("#/components/responses/")
        ? components.path(ref.substring("#/components/responses/".length()))
        : response;
  }

  private static Set<Long> exampleCodes(JsonNode response) {
    Set<Long> found = new HashSet<>();
    response
        .path("content")
        .forEach(
            media -> {
              media.path("examples").forEach(example -> addCodes(example.path("value"), found));
              addCodes(media.path("example"), found);
            });
    return Set.copyOf(found);
  }

  private static void addCodes(JsonNode envelope, Set<Long> found) {
    envelope
        .path("errors")
        .forEach(
            error -> {
              if (error.path("code").canConvertToLong()) {
                found.add(error.path("code").asLong());
              }
            });
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

  /** The Capillary error codes the contract's examples show for this operation and status. */
  public Set<Long> exampleCodes(String operationId, int status) {
    return codes.getOrDefault(operationId, Map.of()).getOrDefault(status, Set.of());
  }

  /** Whether the operation (by operationId) declares a response with this status. */
  public boolean declares(String operationId, int status) {
    return byOperation.getOrDefault(operationId, Set.of()).contains(status);
  }
}
