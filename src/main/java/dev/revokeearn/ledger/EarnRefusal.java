package dev.revokeearn.ledger;

/** Why an earn was refused, in the order the ledger checks. */
public enum EarnRefusal {
  REQUEST_ID_MISSING,
  CUSTOMER_ID_MISSING,
  OWNER_TYPE_MISSING,
  EVENT_DATE_IN_FUTURE,
  BADGE_NOT_FOUND,
  BADGE_NOT_LIVE,
  ISSUE_REQUIRED,
  NOT_CLAIMED,
  CUSTOMER_NOT_FOUND,
  DUPLICATE_REQUEST
}
