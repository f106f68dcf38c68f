package dev.revokeearn.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * The contract's operations, each under every name it goes by: its short name (fault declarations,
 * the JUnit extension), its operationId (the contract, the request log) and its path.
 */
public enum Operation {
  REVOKE_EARN("revokeEarn", "revokeEarn", "/api_gateway/v1/badges/customer/revokeEarn"),
  EARN("earn", "earnBadge", "/api_gateway/v1/badges/customer/earn"),
  TOKEN("token", "generateOAuthToken", "/v3/oauth/token/generate");

  private final String id;
  private final String operationId;
  private final String path;

  Operation(String id, String operationId, String path) {
    this.id = id;
    this.operationId = operationId;
    this.path = path;
  }

  /** The short name: revokeEarn, earn, token. */
  public String id() {
    return id;
  }

  /** The contract's operationId: revokeEarn, earnBadge, generateOAuthToken. */
  public String operationId() {
    return operationId;
  }

  /** The contract's path; every operation is a POST. */
  public String path() {
    return path;
  }

  /** By its short name or its operationId. */
  public static Optional<Operation> named(String name) {
    return Arrays.stream(values())
        .filter(op -> op.id.equals(name) || op.operationId.equals(name))
        .findFirst();
  }

  /** The operation at this path, whatever the method; empty for any other path. */
  public static Optional<Operation> atPath(String path) {
    for (Operation operation : values()) {
      if (operation.path.equals(path)) {
        return Optional.of(operation);
      }
    }
    return Optional.empty();
  }
}
