package dev.revokeearn.conformance.glue;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.revokeearn.conformance.result.ContractCoverage;
import dev.revokeearn.gate.Contract;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every response a scenario gets passes through the contract: it is validated against {@code
 * openapi/revoke-earn.yaml} (a response that breaks it fails the scenario with the validator's
 * message) and recorded in the run's coverage. Requests are not checked: bad-input scenarios break
 * them on purpose.
 */
final class ContractCheck implements Filter {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parses as a client must be able to: one document, no key twice, nothing after it. */
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final ContractCoverage coverage;

  ContractCheck(ContractCoverage coverage) {
    this.coverage = coverage;
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification responseSpec,
      FilterContext context) {
    Response response = context.next(request, responseSpec);
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    String path = request.getUserDefinedPath();
    ValidationReport report =
        Contract.responseValidator()
            .validateResponse(
                path, Request.Method.valueOf(method), RestAssuredResponse.of(response));
    List<String> problems = new ArrayList<>();
    strictJsonProblem(response).ifPresent(problems::add);
    report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .forEach(m -> problems.add(m.getMessage()));
    coverage.record(
        method,
        path,
        response.statusCode(),
        ContractCoverage.codes(json(response)),
        problems.isEmpty());
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "The response to "
              + method
              + " "
              + path
              + " (status "
              + response.statusCode()
              + ") breaks the contract: "
              + String.join("\n  - ", problems)
              + "\nBody: "
              + abbreviate(response.asString()));
    }
    return response;
  }

  private static JsonNode json(Response response) {
    try {
      return JSON.readTree(response.asByteArray());
    } catch (IOException e) {
      return null;
    }
  }

  /** Why the body is not a single, well-formed JSON document; empty when it is one. */
  private static Optional<String> strictJsonProblem(Response response) {
    byte[] body = response.asByteArray();
    if (body.length == 0) {
      return Optional.of("the body is empty; every answer of the contract has a JSON body");
    }
    try {
      STRICT.readTree(body);
      return Optional.empty();
    } catch (IOException e) {
      String reason = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
      return Optional.of("the body is not one well-formed JSON document: " + reason);
    }
  }

  private static String abbreviate(String body) {
    return body.length() <= 500 ? body : body.substring(0, 500) + "...";
  }
}
