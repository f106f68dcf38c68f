package dev.revokeearn.wiremock.admin;

import com.github.tomakehurst.wiremock.http.Request;
import dev.revokeearn.api.ApiCall;
import dev.revokeearn.gate.ContractGate;
import dev.revokeearn.gate.ContractViolation;
import dev.revokeearn.wiremock.api.WireMockCalls;
import java.util.List;
import java.util.Set;

/**
 * Checks admin requests against {@code openapi/revoke-earn-admin.yaml} with the gate that checks
 * the API's: the same validator, the same messages and references.
 */
final class AdminContract {
  /** Endpoints whose body is free-form (a seed is YAML or JSON under any Content-Type). */
  private static final Set<String> FREE_BODY = Set.of("/revoke-earn/seed");

  private AdminContract() {}

  /** Each way the request breaks the admin contract; none: empty. */
  static List<ContractViolation> violations(Request request) {
    ApiCall call = WireMockCalls.of(request);
    // WireMock hands admin requests over without their /__admin.
    ApiCall admin = call.at("/__admin" + call.url(), !FREE_BODY.contains(call.path()));
    return ContractGate.admin().check(admin);
  }
}
