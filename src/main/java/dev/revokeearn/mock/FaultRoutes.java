package dev.revokeearn.mock;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.revokeearn.faults.DeclaredFault;
import dev.revokeearn.faults.FaultSpecException;
import dev.revokeearn.faults.FaultSpecs;
import dev.revokeearn.service.MockState;
import dev.revokeearn.state.StateConflict;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@code /__admin/revoke-earn/faults}: declare, list and remove faults. */
final class FaultRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockState state;

  FaultRoutes(MockState state) {
    this.state = state;
  }

  /** 201 {@code {"id": ...}}; 400 naming the field when the declaration cannot be taken. */
  ResponseDefinition declare(byte[] body) {
    JsonNode declaration;
    try {
      declaration = JSON.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (JacksonException e) {
      return AdminRoutes.problem(
          400, "The fault is not valid JSON: " + e.getOriginalMessage(), null);
    }
    try {
      return AdminRoutes.json(201, Map.of("id", state.declareFault(declaration)));
    } catch (FaultSpecException e) {
      return AdminRoutes.problem(400, e.getMessage(), e.reference());
    } catch (StateConflict e) {
      return AdminRoutes.problem(400, e.getMessage(), "orgId");
    }
  }

  /** Every fault as declared (defaults filled in), with its id and counts. */
  ResponseDefinition list() {
    List<ObjectNode> faults = state.faults().stream().map(FaultRoutes::view).toList();
    return AdminRoutes.json(200, Map.of("faults", faults));
  }

  ResponseDefinition remove(String faultId) {
    long id;
    try {
      id = Long.parseLong(faultId);
    } catch (NumberFormatException e) {
      return AdminRoutes.problem(400, "faultId must be a number, got " + faultId, "faultId");
    }
    return state.removeFault(id)
        ? AdminRoutes.json(200, Map.of("removed", id))
        : AdminRoutes.problem(404, "No fault " + id, "faultId");
  }

  private static ObjectNode view(DeclaredFault fault) {
    ObjectNode view = JSON.createObjectNode();
    view.put("id", fault.id());
    view.setAll(FaultSpecs.write(fault.spec()));
    view.put("seen", fault.seen());
    view.put("fired", fault.fired());
    return view;
  }
}
