package dev.revokeearn.ledger.entity;

import java.util.Locale;
import java.util.Objects;

/** How a request names a customer: an identifier type and its value. */
public record CustomerKey(IdentifierType type, String value) {
  public CustomerKey {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  /** The key as stores index it: emails match whatever their case, other identifiers exactly. */
  public CustomerKey normalized() {
    return type == IdentifierType.EMAIL
        ? new CustomerKey(type, value.toLowerCase(Locale.ROOT))
        : this;
  }

  public static CustomerKey id(long customerId) {
    return new CustomerKey(IdentifierType.ID, Long.toString(customerId));
  }
}
