package dev.revokeearn.service;

import java.util.Arrays;

/** The operations the mock serves, named as the contract's operationIds. */
public enum Operation {
  REVOKE_EARN("revokeEarn"),
  EARN_BADGE("earnBadge"),
  GENERATE_OAUTH_TOKEN("generateOAuthToken"),
  /** Any request no operation matched: answered 404 or 405 in the envelope. */
  UNMATCHED("unmatched");

  private final String id;

  Operation(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Operation of(String id) {
    return Arrays.stream(values())
        .filter(op -> op.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown operation: " + id));
  }
}
