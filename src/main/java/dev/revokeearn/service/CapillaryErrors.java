package dev.revokeearn.service;

import dev.revokeearn.contract.model.ApiError;
import dev.revokeearn.gate.ContractViolation;
import dev.revokeearn.ledger.EarnRefusal;
import java.time.Instant;
import java.util.List;

/**
 * Capillary's error catalogue: each error a client can cause, with its status, code and message.
 */
public final class CapillaryErrors {
  /**
   * The most frequent answer of all (a second revoke), so one instance, its envelope written once.
   */
  private static final ApiProblem ACTIVE_EARN_NOT_PRESENT =
      new ApiProblem(409, 814, "Active earn instance is not present.", null);

  private CapillaryErrors() {}

  public static ApiProblem activeEarnNotPresent() {
    return ACTIVE_EARN_NOT_PRESENT;
  }

  public static ApiProblem authenticationFailed() {
    return new ApiProblem(
        401, 401, "Authentication failed. Please check username and password.", null);
  }

  public static ApiProblem tokenExpired(Instant expiredAt) {
    return new ApiProblem(401, 498, "Token expired at " + expiredAt, null);
  }

  public static ApiProblem accessDenied() {
    return new ApiProblem(403, 4000, "Not authorized. Access is denied!", null);
  }

  public static ApiProblem invalidClient() {
    return new ApiProblem(401, 320001, "Invalid client key and secret", null);
  }

  /** A Content-Type naming a charset Java does not know: the body cannot be read. */
  public static ApiProblem unknownCharset(String charset) {
    return badRequest(
        "Content-Type",
        "Content-Type names the charset '" + charset + "', which is not known; send UTF-8");
  }

  public static ApiProblem badRequest(String reference, String message) {
    return new ApiProblem(400, 400, message, reference);
  }

  public static ApiProblem contractViolations(List<ContractViolation> violations) {
    return new ApiProblem(
        400, violations.stream().map(v -> new ApiError(400L, v.message(), v.reference())).toList());
  }

  /**
   * The mock's own state database cannot be reached: 503 (which the contract declares for a
   * platform failure), so that clients retry instead of taking it for their mistake.
   */
  public static ApiProblem stateUnavailable() {
    return new ApiProblem(
        503, 503, "The mock's state database is unavailable; try again once it is back", null);
  }

  public static ApiProblem payloadTooLarge(int limitBytes) {
    return new ApiProblem(413, 413, "Request body is larger than " + limitBytes + " bytes", null);
  }

  public static ApiProblem noSuchEndpoint(String method, String path) {
    return new ApiProblem(
        404, 404, "No endpoint " + method + " " + path + " in the revokeEarn contract", null);
  }

  public static ApiProblem methodNotAllowed(String method, String path) {
    return new ApiProblem(405, 405, method + " is not allowed on " + path + "; use POST", null);
  }

  public static ApiProblem earnRefused(EarnRefusal reason) {
    return switch (reason) {
      case REQUEST_ID_MISSING ->
          new ApiProblem(400, 804, "RequestId information is missing", "requestId");
      case CUSTOMER_ID_MISSING ->
          new ApiProblem(400, 812, "CustomerId information is missing", "customerId");
      case OWNER_TYPE_MISSING ->
          new ApiProblem(400, 716, "Owner type information is missing", "triggeredBy.ownerType");
      case EVENT_DATE_IN_FUTURE ->
          new ApiProblem(400, 750, "Earn event date should not be in future", "earnEventDate");
      case DUPLICATE_REQUEST ->
          new ApiProblem(400, 809, "Request with same requestId is not allowed", null);
      case CUSTOMER_NOT_FOUND -> badRequest("customerId", "Customer not found");
      case BADGE_NOT_FOUND -> new ApiProblem(404, 404, "Passed badge is not found", null);
      case BADGE_NOT_LIVE -> new ApiProblem(409, 815, "Badge is not live", null);
      case ISSUE_REQUIRED -> new ApiProblem(409, 811, "Badge issue is mandatory before earn", null);
      case NOT_CLAIMED -> new ApiProblem(409, 810, "BadgeMeta needs to be claimed first", null);
    };
  }

  /**
   * The mock itself failed on a request (a bug of the mock, logged with its cause). Answered 400,
   * not 500: a 5xx would tell a client that Capillary failed.
   */
  public static ApiProblem notProcessed() {
    return new ApiProblem(
        400,
        400,
        "The mock could not process this request; its log says why. Please report it.",
        null);
  }
}
