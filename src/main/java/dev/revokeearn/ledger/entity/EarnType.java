package dev.revokeearn.ledger.entity;

/** How a badge comes to a customer. */
public enum EarnType {
  /** Earned directly. */
  EARN,
  /** Must be issued before it can be earned (earn alone is error 811). */
  ISSUE_AND_EARN
}
