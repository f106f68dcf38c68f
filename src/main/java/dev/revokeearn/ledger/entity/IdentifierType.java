package dev.revokeearn.ledger.entity;

/** What kind of value names a customer in a request. */
public enum IdentifierType {
  /** The numeric Capillary customer id (no X-CAP-CUSTOMER-IDENTIFIER header). */
  ID,
  EMAIL,
  MOBILE,
  EXTERNAL_ID,
  CARD_NUMBER
}
