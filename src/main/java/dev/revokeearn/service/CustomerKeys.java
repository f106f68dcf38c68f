package dev.revokeearn.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revokeearn.contract.model.CustomerIdentifierType;
import dev.revokeearn.ledger.entity.CustomerKey;
import dev.revokeearn.ledger.entity.IdentifierType;

/** Reads the customer a request names: the body's customerId, as the identifier header says. */
final class CustomerKeys {
  private CustomerKeys() {}

  /**
   * @return null when the body names no customer
   * @throws ApiProblem 400 when, without the header, customerId is not a numeric id
   */
  static CustomerKey of(JsonNode customerId, CustomerIdentifierType identifier) {
    if (customerId == null || customerId.isNull()) {
      return null;
    }
    // As sent: " 62090013 " is no numeric id, and an identifier matches only as it was stored.
    String value = customerId.isTextual() ? customerId.textValue() : customerId.asText();
    if (identifier == null) {
      if (!digitsOfAnId(value) || !fitsInLong(value)) {
        throw CapillaryErrors.badRequest(
            "customerId",
            "customerId must be the numeric customer id (1 to 9223372036854775807) when"
                + " X-CAP-CUSTOMER-IDENTIFIER is absent;"
                + " send the header (email, mobile, externalId, cardNumber) to use another identifier");
      }
      return CustomerKey.id(Long.parseLong(value));
    }
    return new CustomerKey(type(identifier), value);
  }

  /** 1 to 19 digits, the first not 0 (a regex here cost a compiled pattern per request). */
  private static boolean digitsOfAnId(String value) {
    if (value.isEmpty() || value.length() > 19 || value.charAt(0) == '0') {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** 19 digits may still exceed a long; Capillary ids are int64. */
  private static boolean fitsInLong(String digits) {
    return digits.length() < 19 || digits.compareTo(Long.toString(Long.MAX_VALUE)) <= 0;
  }

  private static IdentifierType type(CustomerIdentifierType identifier) {
    return switch (identifier) {
      case EMAIL -> IdentifierType.EMAIL;
      case MOBILE -> IdentifierType.MOBILE;
      case EXTERNAL_ID -> IdentifierType.EXTERNAL_ID;
      case CARD_NUMBER -> IdentifierType.CARD_NUMBER;
    };
  }
}
