package dev.revokeearn.ledger.entity;

import java.util.ArrayList;
import java.util.List;

/** A customer of an org, with every identifier a request may name it by. */
public record Customer(
    long id, String email, String mobile, String externalId, List<String> cardNumbers) {
  public Customer {
    if (id <= 0) {
      throw new IllegalArgumentException("customer id must be positive, got " + id);
    }
    cardNumbers = cardNumbers == null ? List.of() : List.copyOf(cardNumbers);
  }

  /** Every key that names this customer. */
  public List<CustomerKey> keys() {
    List<CustomerKey> keys = new ArrayList<>();
    keys.add(CustomerKey.id(id));
    if (email != null) {
      keys.add(new CustomerKey(IdentifierType.EMAIL, email));
    }
    if (mobile != null) {
      keys.add(new CustomerKey(IdentifierType.MOBILE, mobile));
    }
    if (externalId != null) {
      keys.add(new CustomerKey(IdentifierType.EXTERNAL_ID, externalId));
    }
    cardNumbers.forEach(card -> keys.add(new CustomerKey(IdentifierType.CARD_NUMBER, card)));
    return keys;
  }
}
