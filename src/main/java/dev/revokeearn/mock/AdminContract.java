package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.http.Request;
import dev.revokeearn.gate.Contract;
import dev.revokeearn.gate.ContractGate;
import java.util.List;
import java.util.Map;

/**
 * Checks admin requests against {@code openapi/revoke-earn-admin.yaml} with the gate that checks
 * the API's: the same validator, the same messages and references. Built at the first admin call,
 * so the admin contract costs nothing at start-up.
 */
final class AdminContract {
  private volatile ContractGate gate;

  /** Each way the request breaks the admin contract, as envelope errors (code 400); none: empty. */
  List<Map<String, Object>> violations(Request request) {
    return gate().check(ValidatorRequest.of(request, "/__admin")).stream()
        .map(v -> AdminRoutes.errorItem(400, v.message(), v.reference()))
        .toList();
  }

  private ContractGate gate() {
    ContractGate built = gate;
    if (built == null) {
      synchronized (this) {
        if (gate == null) {
          gate = new ContractGate(Contract.adminText());
        }
        built = gate;
      }
    }
    return built;
  }
}
