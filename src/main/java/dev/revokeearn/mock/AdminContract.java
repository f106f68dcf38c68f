package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.http.Request;
import dev.revokeearn.gate.Contract;
import dev.revokeearn.gate.ContractGate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks admin requests against {@code openapi/revoke-earn-admin.yaml} with the gate that checks
 * the API's: the same validator, the same messages and references. Built at the first admin call,
 * so the admin contract costs nothing at start-up.
 */
final class AdminContract {
  /**
   * What admin clients have always been able to send: a query or a body an endpoint does not read
   * (WireMock's client libraries post {} to endpoints that take nothing).
   */
  private static final Set<String> LENIENT =
      Set.of("validation.request.parameter.query.unexpected", "validation.request.body.unexpected");

  /** Endpoints whose body is free-form (a seed is YAML or JSON under any Content-Type). */
  private static final Set<String> FREE_BODY = Set.of("/revoke-earn/seed");

  private volatile ContractGate gate;

  /** Each way the request breaks the admin contract, as envelope errors (code 400); none: empty. */
  List<Map<String, Object>> violations(Request request) {
    boolean body = !FREE_BODY.contains(ValidatorRequest.path(request.getUrl()));
    return gate().check(ValidatorRequest.of(request, "/__admin", body)).stream()
        .map(v -> AdminRoutes.errorItem(400, v.message(), v.reference()))
        .toList();
  }

  private ContractGate gate() {
    ContractGate built = gate;
    if (built == null) {
      synchronized (this) {
        if (gate == null) {
          gate = new ContractGate(Contract.adminText(), LENIENT);
        }
        built = gate;
      }
    }
    return built;
  }
}
