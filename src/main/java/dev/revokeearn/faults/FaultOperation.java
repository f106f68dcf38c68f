package dev.revokeearn.faults;

import java.util.Arrays;
import java.util.Optional;

/** The operations a fault can be declared on, by the names the admin API uses. */
public enum FaultOperation {
  REVOKE_EARN("revokeEarn", "revokeEarn"),
  EARN("earn", "earnBadge"),
  TOKEN("token", "generateOAuthToken");

  private final String id;
  private final String operationId;

  FaultOperation(String id, String operationId) {
    this.id = id;
    this.operationId = operationId;
  }

  /** The name in fault declarations: revokeEarn, earn, token. */
  public String id() {
    return id;
  }

  /** The contract's operationId. */
  public String operationId() {
    return operationId;
  }

  /** By its short name (revokeEarn, earn, token) or its operationId (earnBadge, ...). */
  public static Optional<FaultOperation> of(String id) {
    return Arrays.stream(values())
        .filter(op -> op.id.equals(id) || op.operationId.equals(id))
        .findFirst();
  }

  public static Optional<FaultOperation> ofOperationId(String operationId) {
    return Arrays.stream(values()).filter(op -> op.operationId.equals(operationId)).findFirst();
  }
}
