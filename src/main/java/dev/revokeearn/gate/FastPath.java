package dev.revokeearn.gate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revokeearn.api.ApiCall;
import dev.revokeearn.api.Operation;
import dev.revokeearn.contract.model.RevokeEarnRequest;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises, without the schema validator, the request clients send most: a revokeEarn whose body
 * is exactly {@code badgeMetaId}, {@code customerId} and {@code earnedBadgeId}, well formed, as
 * JSON with no query and a known identifier header. It says only "certainly valid"; anything else,
 * even valid, goes to swagger-request-validator, which stays the reference ({@code
 * FastPathDifferentialTest} checks that every request it passes, the validator passes too). Unique
 * bodies defeat the verdict cache, and schema validation was most of the mock's work on them.
 */
final class FastPath {
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");
  private static final Pattern JSON_TYPE =
      Pattern.compile("application/json(\\s*;\\s*charset=\"?utf-8\"?)?", Pattern.CASE_INSENSITIVE);
  private static final Set<String> IDENTIFIERS =
      Set.of("email", "mobile", "externalId", "cardNumber");
  private static final Set<String> ACCEPTED = Set.of("*/*", "application/json");
  private static final int MAX_CUSTOMER_CHARS = 256;

  private FastPath() {}

  /** True only when the contract certainly accepts the request as a revokeEarn. */
  static boolean validRevoke(ApiCall call) {
    return revoke(call) != null;
  }

  /**
   * The request's body, read, when the contract certainly accepts it as a revokeEarn; null when
   * that is not certain. Its three fields are all it has, so this is what Jackson would read.
   */
  static RevokeEarnRequest revoke(ApiCall call) {
    boolean shaped =
        call.method().equals("POST")
            && call.url().equals(Operation.REVOKE_EARN.path()) // no query either
            && one(call.headers("Content-Type"), value -> JSON_TYPE.matcher(value).matches())
            && optional(call.headers("Accept"), ACCEPTED::contains)
            && optional(call.headers("X-CAP-CUSTOMER-IDENTIFIER"), IDENTIFIERS::contains)
            && call.body().length <= 4096;
    return shaped ? revokeBody(call.text()) : null;
  }

  private static RevokeEarnRequest revokeBody(String body) {
    JsonNode node;
    try {
      node = STRICT.readTree(body);
    } catch (JacksonException e) {
      return null;
    }
    if (!(node instanceof ObjectNode fields) || fields.size() != 3) {
      return null;
    }
    JsonNode badgeMetaId = fields.get("badgeMetaId");
    JsonNode earnedBadgeId = fields.get("earnedBadgeId");
    JsonNode customerId = fields.get("customerId");
    return objectId(badgeMetaId) && objectId(earnedBadgeId) && customer(customerId)
        ? new RevokeEarnRequest(badgeMetaId.textValue(), customerId, earnedBadgeId.textValue())
        : null;
  }

  private static boolean objectId(JsonNode node) {
    return node != null && node.isTextual() && OBJECT_ID.matcher(node.textValue()).matches();
  }

  /** A positive int64, or text of 1 to 256 characters (so at most 256 code points). */
  private static boolean customer(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (node.isInt() || node.isLong()) {
      return node.longValue() >= 1;
    }
    return node.isTextual()
        && !node.textValue().isEmpty()
        && node.textValue().length() <= MAX_CUSTOMER_CHARS;
  }

  private static boolean one(List<String> values, java.util.function.Predicate<String> valid) {
    return values.size() == 1 && valid.test(values.get(0).strip());
  }

  private static boolean optional(List<String> values, java.util.function.Predicate<String> valid) {
    return values.isEmpty() || (values.size() == 1 && valid.test(values.get(0)));
  }
}
