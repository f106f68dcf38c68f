package dev.revokeearn.contractcheck;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks every named example of a contract against its own schema, with the same validator the mock
 * uses: request examples as requests, response examples as responses of their status.
 */
final class ContractExamples {
  private static final String REQUEST_ID = "0123456789abcdef0123456789abcdef";

  private ContractExamples() {}

  static OpenAPI parse(String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    var result = new OpenAPIV3Parser().readContents(yaml, null, options);
    if (result.getOpenAPI() == null) {
      throw new IllegalArgumentException("Contract does not parse: " + result.getMessages());
    }
    return result.getOpenAPI();
  }

  /** One line per example that breaks its schema; empty when every example holds. */
  static List<String> violations(String yaml) {
    OpenAPI api = parse(yaml);
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(yaml)
            .withLevelResolver(
                LevelResolver.create()
                    .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                    .build())
            .build();
    List<String> violations = new ArrayList<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          Request.Method httpMethod = Request.Method.valueOf(method.name());
                          // A request paired with a 400 breaks the contract on purpose.
                          Set<String> invalidOnPurpose =
                              operation.getResponses().get("400") == null
                                  ? Set.of()
                                  : examples(operation.getResponses().get("400").getContent())
                                      .keySet();
                          if (operation.getRequestBody() != null) {
                            Map<String, String> requests =
                                examples(operation.getRequestBody().getContent());
                            requests.keySet().removeAll(invalidOnPurpose);
                            requests.forEach(
                                (name, json) ->
                                    report(
                                        violations,
                                        operation.getOperationId() + " request " + name,
                                        validator.validateRequest(
                                            new SimpleRequest.Builder(httpMethod, path)
                                                .withContentType("application/json")
                                                .withBody(json)
                                                .build())));
                          }
                          operation
                              .getResponses()
                              .forEach(
                                  (status, response) ->
                                      examples(response.getContent())
                                          .forEach(
                                              (name, json) ->
                                                  report(
                                                      violations,
                                                      operation.getOperationId()
                                                          + " response "
                                                          + status
                                                          + " "
                                                          + name,
                                                      validator.validateResponse(
                                                          path,
                                                          httpMethod,
                                                          SimpleResponse.Builder.status(
                                                                  Integer.parseInt(status))
                                                              .withContentType("application/json")
                                                              .withHeader(
                                                                  "X-CAP-REQUEST-ID", REQUEST_ID)
                                                              .withBody(json)
                                                              .build()))));
                        }));
    return violations;
  }

  /** Number of named examples in the contract, so a test can tell "all pass" from "none found". */
  static int count(String yaml) {
    OpenAPI api = parse(yaml);
    int[] n = {0};
    api.getPaths()
        .values()
        .forEach(
            item ->
                item.readOperations()
                    .forEach(
                        op -> {
                          if (op.getRequestBody() != null) {
                            n[0] += examples(op.getRequestBody().getContent()).size();
                          }
                          op.getResponses()
                              .values()
                              .forEach(r -> n[0] += examples(r.getContent()).size());
                        }));
    return n[0];
  }

  private static Map<String, String> examples(Content content) {
    Map<String, String> json = new java.util.LinkedHashMap<>();
    if (content == null) {
      return json;
    }
    MediaType media = content.get("application/json");
    if (media == null || media.getExamples() == null) {
      return json;
    }
    for (Map.Entry<String, Example> e : media.getExamples().entrySet()) {
      try {
        json.put(e.getKey(), Json.mapper().writeValueAsString(e.getValue().getValue()));
      } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
        throw new IllegalStateException(ex);
      }
    }
    return json;
  }

  private static void report(List<String> violations, String where, ValidationReport report) {
    report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .forEach(m -> violations.add(where + ": " + m.getMessage()));
  }
}
