package dev.revokeearn.wiremock.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.revokeearn.admin.model.FaultDeclaration;
import dev.revokeearn.faults.FaultDeclarations;
import dev.revokeearn.mockstate.MockState;
import dev.revokeearn.service.Envelopes;
import dev.revokeearn.state.StateConflict;
import java.util.Map;

/**
 * {@code /__admin/revoke-earn/faults}: declare, list and remove faults. A declaration reaches here
 * once the admin contract has passed it, read into the contract's model.
 */
final class FaultResource {
  /** A declaration reads back with what it says only: no field that it leaves out. */
  private static final ObjectMapper DECLARED =
      Envelopes.JSON.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private final MockState state;

  FaultResource(MockState state) {
    this.state = state;
  }

  /** 201 {@code {"id": ...}}; 400 naming the field when the declaration cannot be taken. */
  ResponseDefinition declare(byte[] body) {
    FaultDeclaration declaration;
    try {
      declaration = Envelopes.JSON.readValue(body, FaultDeclaration.class);
    } catch (java.io.IOException e) {
      return AdminAnswers.problem(400, "The fault is not valid JSON: " + e.getMessage(), null);
    }
    try {
      long id =
          state.faults().declare(FaultDeclarations.spec(declaration, declaration.getOrgId(), ""));
      return AdminAnswers.json(201, Map.of("id", id));
    } catch (StateConflict e) {
      return AdminAnswers.problem(400, e.getMessage(), "orgId");
    }
  }

  /** Every fault as declared (defaults filled in), with its id and counts. */
  ResponseDefinition list() {
    return AdminAnswers.json(
        200,
        Map.of(
            "faults",
            DECLARED.valueToTree(
                state.faults().all().stream().map(FaultDeclarations::view).toList())));
  }

  ResponseDefinition remove(String faultId) {
    long id = AdminAnswers.number(faultId, "faultId");
    return state.faults().remove(id)
        ? AdminAnswers.json(200, Map.of("removed", id))
        : AdminAnswers.problem(404, "No fault " + id, "faultId");
  }
}
