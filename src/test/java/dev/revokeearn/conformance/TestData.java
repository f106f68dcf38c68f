package dev.revokeearn.conformance;

/**
 * The badge, customers and owner the features use, from system properties whose defaults match the
 * mock's demo seed. Against a live deployment, name a live EARN badge claimed by the owner, and a
 * customer with every identifier.
 */
record TestData(
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

  static TestData fromSystemProperties() {
    return new TestData(
        property("badgeMetaId", "66276dc68fe258516a88ff8e"),
        property("otherBadgeMetaId", "653ddb33b3cda7078c7c68e9"),
        Long.parseLong(property("customerId", "62090013")),
        property("email", "tom.sawyer@example.com"),
        property("mobile", "919988776655"),
        property("externalId", "ext-62090013"),
        property("cardNumber", "CARD62090013"),
        Long.parseLong(property("otherCustomerId", "62090014")),
        property("ownerType", "Loyalty"),
        property("referenceId", "123694"));
  }

  /** The value naming the customer by this identifier ("customer id" for the numeric id). */
  Object customerBy(String identifier) {
    return switch (identifier) {
      case "customer id" -> customerId;
      case "email" -> email;
      case "mobile" -> mobile;
      case "externalId" -> externalId;
      case "cardNumber" -> cardNumber;
      default -> throw new IllegalArgumentException("unknown identifier " + identifier);
    };
  }

  private static String property(String name, String fallback) {
    return System.getProperty("conformance." + name, fallback);
  }
}
