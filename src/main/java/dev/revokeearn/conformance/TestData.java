package dev.revokeearn.conformance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The badge, customers and owner the features use. The defaults are the mock's demo seed; against a
 * live deployment, name a live EARN badge claimed by the owner, and a customer with every
 * identifier. The keys are those of the {@code conformance.*} properties and of {@code check --data
 * FILE}.
 */
public record TestData(
    String badgeMetaId,
    String otherBadgeMetaId,
    long customerId,
    String email,
    String mobile,
    String externalId,
    String cardNumber,
    long otherCustomerId,
    String ownerType,
    String referenceId) {

  /** Every key with its default, in the order the README lists them. */
  public static final Map<String, String> DEFAULTS = defaults();

  public static TestData defaultData() {
    return from(key -> null);
  }

  /**
   * @param values a value for a key, or null to take its default
   * @throws IllegalArgumentException naming the key whose value is empty, or not a number where one
   *     is needed
   */
  public static TestData from(UnaryOperator<String> values) {
    UnaryOperator<String> value =
        key -> {
          String given = values.apply(key);
          if (given == null) {
            return DEFAULTS.get(key);
          }
          if (given.isBlank()) {
            throw new IllegalArgumentException(key + " is empty; give a value or leave it out");
          }
          return given.strip();
        };
    return new TestData(
        value.apply("badgeMetaId"),
        value.apply("otherBadgeMetaId"),
        number(value, "customerId"),
        value.apply("email"),
        value.apply("mobile"),
        value.apply("externalId"),
        value.apply("cardNumber"),
        number(value, "otherCustomerId"),
        value.apply("ownerType"),
        value.apply("referenceId"));
  }

  /** The value naming the customer by this identifier ("customer id" for the numeric id). */
  public Object customerBy(String identifier) {
    return switch (identifier) {
      case "customer id" -> customerId;
      case "email" -> email;
      case "mobile" -> mobile;
      case "externalId" -> externalId;
      case "cardNumber" -> cardNumber;
      default -> throw new IllegalArgumentException("unknown identifier " + identifier);
    };
  }

  private static long number(UnaryOperator<String> value, String key) {
    String text = value.apply(key);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a numeric customer id, got " + text);
    }
  }

  private static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("badgeMetaId", "66276dc68fe258516a88ff8e");
    defaults.put("otherBadgeMetaId", "653ddb33b3cda7078c7c68e9");
    defaults.put("customerId", "62090013");
    defaults.put("email", "tom.sawyer@example.com");
    defaults.put("mobile", "919988776655");
    defaults.put("externalId", "ext-62090013");
    defaults.put("cardNumber", "CARD62090013");
    defaults.put("otherCustomerId", "62090014");
    defaults.put("ownerType", "Loyalty");
    defaults.put("referenceId", "123694");
    return Collections.unmodifiableMap(defaults);
  }
}
