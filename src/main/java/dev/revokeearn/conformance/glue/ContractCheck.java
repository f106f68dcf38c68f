package dev.revokeearn.conformance.glue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revokeearn.conformance.ContractCoverage;
import dev.revokeearn.gate.Contract;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every response a scenario gets passes through the contract: it is validated against {@code
 * openapi/revoke-earn.yaml} (a response that breaks it fails the scenario with the validator's
 * message) and recorded in the run's coverage. Requests are not checked: bad-input scenarios break
 * them on purpose.
 */
final class ContractCheck implements Filter {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Built once per process: parsing the contract costs most of a second; the validator is safe to
   * share.
   */
  private static final class Shared {
    static final OpenApiInteractionValidator VALIDATOR =
        OpenApiInteractionValidator.createForInlineApiSpecification(Contract.text())
            .withLevelResolver(
                LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .build())
            .build();
  }

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
        Shared.VALIDATOR.validateResponse(
            path, Request.Method.valueOf(method), RestAssuredResponse.of(response));
    coverage.record(
        method,
        path,
        response.statusCode(),
        ContractCoverage.codes(json(response)),
        !report.hasErrors());
    if (report.hasErrors()) {
      throw new AssertionError(
          "The response to "
              + method
              + " "
              + path
              + " breaks the contract:\n"
              + describe(report.getMessages())
              + "\nStatus "
              + response.statusCode()
              + ", body: "
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

  private static String describe(List<ValidationReport.Message> messages) {
    return messages.stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(m -> "  - " + m.getMessage())
        .collect(Collectors.joining("\n"));
  }

  private static String abbreviate(String body) {
    return body.length() <= 500 ? body : body.substring(0, 500) + "...";
  }
}
