package dev.revokeearn.conformance;

import java.util.Collections;
import java.util.EnumMap;
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

  /**
   * Each piece of test data: its key (in a data file, {@code -Dconformance.<key>}), its flag, what
   * it is, and the demo seed's value, in the order the README lists them.
   */
  public enum Key {
    BADGE_META_ID(
        "badgeMetaId",
        "ID",
        "A live badge of earn type EARN, claimed by the owner below.",
        "66276dc68fe258516a88ff8e"),
    OTHER_BADGE_META_ID(
        "otherBadgeMetaId", "ID", "Any other badge of the org.", "653ddb33b3cda7078c7c68e9"),
    CUSTOMER_ID("customerId", "ID", "A customer of the org (numeric id).", "62090013"),
    EMAIL("email", "EMAIL", "That customer's email.", "tom.sawyer@example.com"),
    MOBILE("mobile", "NUMBER", "That customer's mobile number.", "919988776655"),
    EXTERNAL_ID("externalId", "ID", "That customer's external id.", "ext-62090013"),
    CARD_NUMBER("cardNumber", "NUMBER", "One of that customer's card numbers.", "CARD62090013"),
    OTHER_CUSTOMER_ID("otherCustomerId", "ID", "Another customer of the org.", "62090014"),
    OWNER_TYPE("ownerType", "TYPE", "The owner that claimed the badge (e.g. Loyalty).", "Loyalty"),
    REFERENCE_ID("referenceId", "ID", "The owner's referenceId in that claim.", "123694");

    private final String key;
    private final String label;
    private final String description;
    private final String demo;

    Key(String key, String label, String description, String demo) {
      this.key = key;
      this.label = label;
      this.description = description;
      this.demo = demo;
    }

    public String key() {
      return key;
    }

    /** The flag of {@code check}: {@code --badge-meta-id}. */
    public String flag() {
      return "--" + key.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    public String label() {
      return label;
    }

    public String description() {
      return description;
    }
  }

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
    Map<Key, String> given = new EnumMap<>(Key.class);
    for (Key key : Key.values()) {
      String value = values.apply(key.key);
      if (value == null) {
        value = key.demo;
      } else if (value.isBlank()) {
        throw new IllegalArgumentException(key.key + " is empty; give a value or leave it out");
      }
      given.put(key, value.strip());
    }
    return new TestData(
        given.get(Key.BADGE_META_ID),
        given.get(Key.OTHER_BADGE_META_ID),
        number(given, Key.CUSTOMER_ID),
        given.get(Key.EMAIL),
        given.get(Key.MOBILE),
        given.get(Key.EXTERNAL_ID),
        given.get(Key.CARD_NUMBER),
        number(given, Key.OTHER_CUSTOMER_ID),
        given.get(Key.OWNER_TYPE),
        given.get(Key.REFERENCE_ID));
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

  private static long number(Map<Key, String> given, Key key) {
    String text = given.get(key);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key.key + " must be a numeric customer id, got " + text);
    }
  }

  private static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    for (Key key : Key.values()) {
      defaults.put(key.key, key.demo);
    }
    return Collections.unmodifiableMap(defaults);
  }
}
