package dev.revokeearn.service;

import dev.revokeearn.faults.Fault;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP status and the JSON body to send, and what a declared fault does to them.
 *
 * @param orgId the org whose credentials the request proved (a granted request, or a token issued
 *     to one of its clients); null when none: a failed authentication is nobody's org's business
 * @param errorCodes the Capillary error codes in the body; empty for a success
 * @param headers headers beyond Content-Type (an injected 429's Retry-After)
 * @param fault the fault that fired for the request, null when none: an {@link Fault.Error} is this
 *     answer already; a delay holds it back; the transport faults replace it (status 0 when nothing
 *     was applied, the status the mock would have answered for applied-then-reset)
 */
public record Answer(
    int status,
    String json,
    Long orgId,
    List<Long> errorCodes,
    Map<String, String> headers,
    Fault fault) {
  public Answer {
    headers = Map.copyOf(headers);
    errorCodes = List.copyOf(errorCodes);
  }

  Answer(int status, String json, Long orgId, List<Long> errorCodes) {
    this(status, json, orgId, errorCodes, Map.of(), null);
  }

  /** The problem in Capillary's envelope, for no org. */
  public static Answer of(ApiProblem problem) {
    return of(problem, null);
  }

  static Answer of(ApiProblem problem, Long orgId) {
    return new Answer(
        problem.status(),
        Envelopes.json(problem),
        orgId,
        problem.errors().stream().map(e -> e.getCode()).toList());
  }

  Answer withFault(Fault fired) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    if (fired instanceof Fault.Error error && error.retryAfterSeconds() != null) {
      more.put("Retry-After", String.valueOf(error.retryAfterSeconds()));
    }
    return new Answer(status, json, orgId, errorCodes, more, fired);
  }
}
