package dev.revokeearn.pact;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revokeearn.api.ApiCall;
import dev.revokeearn.api.Operation;
import dev.revokeearn.gate.Contract;
import dev.revokeearn.gate.ContractGate;
import dev.revokeearn.gate.ContractStatuses;
import dev.revokeearn.gate.ContractViolation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether an interaction agrees with the contract, as Capillary's side would judge it: a request
 * the contract accepts (or, where the pact expects a 400, one it rejects), and an expected response
 * the contract documents for the operation: its status, its envelope, and a Capillary error code
 * the contract shows for that status.
 */
final class ContractJudge {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ContractGate gate;
  private final OpenApiInteractionValidator responses = Contract.responseValidator();

  ContractJudge(ContractGate gate) {
    this.gate = gate;
  }

  /** Why the contract disagrees with the interaction; empty when it agrees. */
  List<String> problems(IRequest request, IResponse expected) {
    List<String> problems = new ArrayList<>();
    Optional<Operation> operation = Operation.atPath(request.getPath());
    if (operation.isEmpty()) {
      problems.add("the contract has no operation at " + request.getPath());
      return problems;
    }
    String operationId = operation.get().operationId();
    int status = expected.getStatus();
    if (!ContractStatuses.shared().declares(operationId, status)) {
      problems.add(operationId + " declares no " + status + " answer");
      return problems;
    }
    List<ContractViolation> violations = gate.check(call(request));
    if (status == 400 && violations.isEmpty()) {
      problems.add(
          "the pact expects 400, but the contract accepts this request: it would not be refused");
    } else if (status != 400 && !violations.isEmpty()) {
      violations.forEach(
          v ->
              problems.add(
                  "the contract refuses the request (400): "
                      + (v.reference() == null ? "" : v.reference() + ": ")
                      + v.message()));
    }
    responseProblems(request, expected, operationId, problems);
    return problems;
  }

  private void responseProblems(
      IRequest request, IResponse expected, String operationId, List<String> problems) {
    String body = expected.getBody().isPresent() ? expected.getBody().valueAsString() : null;
    SimpleResponse.Builder response = SimpleResponse.Builder.status(expected.getStatus());
    expected.getHeaders().forEach(response::withHeader);
    if (body != null) {
      response.withBody(body);
      if (expected.getHeaders().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
        response.withContentType("application/json");
      }
    }
    ValidationReport report =
        responses.validateResponse(request.getPath(), Request.Method.POST, response.build());
    report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        // A pact states only the fields and headers it relies on: one it leaves out is no breach
        // (a field it names must exist, with the contract's type).
        .filter(m -> !m.getKey().startsWith("validation.response.header.missing"))
        .filter(m -> !m.getMessage().contains("missing required properties"))
        .filter(m -> !m.getKey().equals("validation.response.body.missing"))
        .forEach(m -> problems.add("the expected answer: " + m.getMessage()));
    if (body == null || expected.getStatus() < 400) {
      return;
    }
    try {
      JsonNode code = JSON.readTree(body).path("errors").path(0).path("code");
      if (code.canConvertToLong()) {
        var documented = ContractStatuses.shared().exampleCodes(operationId, expected.getStatus());
        if (!documented.isEmpty() && !documented.contains(code.asLong())) {
          problems.add(
              "the expected answer has error "
                  + code.asLong()
                  + " with "
                  + expected.getStatus()
                  + ", where the contract shows "
                  + documented);
        }
      }
    } catch (IOException e) {
      problems.add("the expected answer's body is not JSON: " + e.getMessage());
    }
  }

  private static ApiCall call(IRequest request) {
    String query =
        request.getQuery().entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + (v == null ? "" : v)))
            .reduce((a, b) -> a + "&" + b)
            .map(q -> "?" + q)
            .orElse("");
    byte[] body =
        request.getBody().isPresent()
            ? request.getBody().valueAsString().getBytes(StandardCharsets.UTF_8)
            : new byte[0];
    return new ApiCall(
        request.getMethod().toUpperCase(java.util.Locale.ROOT),
        request.getPath() + query,
        Map.copyOf(request.getHeaders()),
        body);
  }
}
