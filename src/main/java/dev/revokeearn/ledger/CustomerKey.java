package dev.revokeearn.ledger;

import java.util.Objects;

/** How a request names a customer: an identifier type and its value. */
public record CustomerKey(IdentifierType type, String value) {
  public CustomerKey {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  public static CustomerKey id(long customerId) {
    return new CustomerKey(IdentifierType.ID, Long.toString(customerId));
  }
}
