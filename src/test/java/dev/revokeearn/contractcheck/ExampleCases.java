package dev.revokeearn.contractcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract's examples as the ecosystem's tools read them: a request example (body and header
 * parameter values) and the response example of the same name make one case. Credentials are no
 * part of an OpenAPI example; a case that needs other ones has a Specmatic external example file of
 * its name in {@code openapi/revoke-earn_examples/}.
 */
final class ExampleCases {
  static final Path EXTERNAL = Path.of("openapi/revoke-earn_examples");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request and its answer, by name. */
  record Case(
      String operationId,
      String path,
      String name,
      JsonNode request,
      Map<String, String> headers,
      int status,
      JsonNode response,
      JsonNode external) {}

  /** A response example no request example pairs with, and what its description says it needs. */
  record Unpaired(String operationId, String name, int status, String description) {}

  private final List<Case> cases = new ArrayList<>();
  private final List<Unpaired> unpaired = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  ExampleCases(OpenAPI api) {
    api.getPaths()
        .forEach((path, item) -> item.readOperations().forEach(operation -> read(path, operation)));
  }

  List<Case> cases() {
    return cases;
  }

  List<Unpaired> unpaired() {
    return unpaired;
  }

  /** Request examples without a response, parameter examples without a request, and the like. */
  List<String> problems() {
    return problems;
  }

  private void read(String path, Operation operation) {
    String op = operation.getOperationId();
    Map<String, JsonNode> requests =
        operation.getRequestBody() == null
            ? Map.of()
            : values(operation.getRequestBody().getContent());
    Map<String, Map<String, String>> headers = new LinkedHashMap<>();
    for (Parameter parameter :
        operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
      if (parameter.getExamples() == null) {
        continue;
      }
      parameter
          .getExamples()
          .forEach(
              (name, example) -> {
                if (!requests.containsKey(name)) {
                  problems.add(
                      op
                          + ": parameter "
                          + parameter.getName()
                          + " example "
                          + name
                          + " has no request example of its name");
                }
                headers
                    .computeIfAbsent(name, n -> new LinkedHashMap<>())
                    .put(parameter.getName(), String.valueOf(example.getValue()));
              });
    }
    Map<String, Integer> paired = new LinkedHashMap<>();
    operation
        .getResponses()
        .forEach(
            (status, response) -> {
              Map<String, Example> examples = examples(response.getContent());
              examples.forEach(
                  (name, example) -> {
                    int code = Integer.parseInt(status);
                    JsonNode body = JSON.valueToTree(example.getValue());
                    if (requests.containsKey(name)) {
                      if (paired.put(name, code) != null) {
                        problems.add(
                            op + ": response example " + name + " appears under two statuses");
                      }
                      cases.add(
                          new Case(
                              op,
                              path,
                              name,
                              requests.get(name),
                              headers.getOrDefault(name, Map.of()),
                              code,
                              body,
                              external(name)));
                    } else {
                      unpaired.add(new Unpaired(op, name, code, example.getDescription()));
                    }
                  });
            });
    requests.keySet().stream()
        .filter(name -> !paired.containsKey(name))
        .forEach(
            name ->
                problems.add(
                    op + ": request example " + name + " has no response example of its name"));
  }

  private static JsonNode external(String name) {
    Path file = EXTERNAL.resolve(name + ".json");
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, JsonNode> values(Content content) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    examples(content)
        .forEach((name, example) -> values.put(name, JSON.valueToTree(example.getValue())));
    return values;
  }

  private static Map<String, Example> examples(Content content) {
    if (content == null) {
      return Map.of();
    }
    MediaType media = content.get("application/json");
    return media == null || media.getExamples() == null ? Map.of() : media.getExamples();
  }
}
