package dev.revokeearn.wiremock.admin;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.revokeearn.contract.model.ApiError;
import dev.revokeearn.gate.ContractViolation;
import dev.revokeearn.service.ApiProblem;
import dev.revokeearn.service.Envelopes;
import java.util.List;

/**
 * The admin API's answers, written in one place: JSON views, and problems in the envelope (the
 * standalone mock's refusals of WireMock's own admin calls too).
 */
public final class AdminAnswers {
  private AdminAnswers() {}

  static ResponseDefinition json(int status, Object body) {
    return new ResponseDefinitionBuilder()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(Envelopes.write(body))
        .build();
  }

  /** The problem named in Capillary's envelope, its code the status. */
  static ResponseDefinition problem(int status, String message, String reference) {
    return problem(new ApiProblem(status, status, message, reference));
  }

  public static ResponseDefinition problem(ApiProblem problem) {
    return new ResponseDefinitionBuilder()
        .withStatus(problem.status())
        .withHeader("Content-Type", "application/json")
        .withBody(Envelopes.json(problem))
        .build();
  }

  /** Each way a request breaks the admin contract, one error apiece. */
  static ResponseDefinition violations(List<ContractViolation> violations) {
    return problem(
        new ApiProblem(
            400,
            violations.stream().map(v -> new ApiError(400L, v.message(), v.reference())).toList()));
  }

  /** A path parameter that must be a whole number. */
  static long number(String text, String name) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new ApiProblem(400, 400, name + " must be a number, got " + text, name);
    }
  }
}
