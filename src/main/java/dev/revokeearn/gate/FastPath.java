package dev.revokeearn.gate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.revokeearn.api.ApiCall;
import dev.revokeearn.api.Operation;
import dev.revokeearn.contract.model.RevokeEarnRequest;
import java.io.IOException;
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
  private static final JsonFactory STRICT =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final Pattern JSON_TYPE =
      Pattern.compile("application/json(\\s*;\\s*charset=\"?utf-8\"?)?", Pattern.CASE_INSENSITIVE);
  private static final Set<String> IDENTIFIERS =
      Set.of("email", "mobile", "externalId", "cardNumber");
  private static final Set<String> ACCEPTED = Set.of("*/*", "application/json");
  private static final int MAX_CUSTOMER_CHARS = 256;
  private static final int OBJECT_ID_CHARS = 24;

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
            && one(call.headers("Content-Type"), FastPath::json)
            && optional(call.headers("Accept"), ACCEPTED::contains)
            && optional(call.headers("X-CAP-CUSTOMER-IDENTIFIER"), IDENTIFIERS::contains)
            && call.body().length <= 4096;
    return shaped ? revokeBody(call.text()) : null;
  }

  private static boolean json(String contentType) {
    return contentType.equalsIgnoreCase("application/json")
        || JSON_TYPE.matcher(contentType).matches();
  }

  /**
   * The body read token by token (no tree: this runs for nearly every request): one object of
   * exactly the three fields, each once and well formed, and nothing after it.
   */
  private static RevokeEarnRequest revokeBody(String body) {
    String badgeMetaId = null;
    String earnedBadgeId = null;
    JsonNode customerId = null;
    try (JsonParser parser = STRICT.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName(); // a name twice throws: STRICT
        JsonToken value = parser.nextToken();
        switch (name) {
          case "badgeMetaId" -> badgeMetaId = objectId(parser, value);
          case "earnedBadgeId" -> earnedBadgeId = objectId(parser, value);
          case "customerId" -> customerId = customer(parser, value);
          default -> {
            return null; // another field
          }
        }
        if (value.isStructStart()) {
          return null; // a field holding an object or an array
        }
      }
      if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return null; // something after the object
      }
    } catch (IOException e) {
      return null; // not JSON, or a field twice
    }
    return badgeMetaId != null && earnedBadgeId != null && customerId != null
        ? new RevokeEarnRequest(badgeMetaId, customerId, earnedBadgeId)
        : null;
  }

  /** The value when it is 24 hex digits; null otherwise (the field then counts as absent). */
  private static String objectId(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.VALUE_STRING) {
      return null;
    }
    String text = parser.getText();
    if (text.length() != OBJECT_ID_CHARS) {
      return null;
    }
    for (int i = 0; i < OBJECT_ID_CHARS; i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return null;
      }
    }
    return text;
  }

  /**
   * A positive int64, or text of 1 to 256 characters (so at most 256 code points), as Jackson's
   * tree would hold it; null otherwise.
   */
  private static JsonNode customer(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NUMBER_INT) {
      return switch (parser.getNumberType()) {
        case INT -> parser.getIntValue() >= 1 ? IntNode.valueOf(parser.getIntValue()) : null;
        case LONG -> parser.getLongValue() >= 1 ? LongNode.valueOf(parser.getLongValue()) : null;
        default -> null;
      };
    }
    if (value == JsonToken.VALUE_STRING) {
      String text = parser.getText();
      return !text.isEmpty() && text.length() <= MAX_CUSTOMER_CHARS ? TextNode.valueOf(text) : null;
    }
    return null;
  }

  private static boolean one(List<String> values, java.util.function.Predicate<String> valid) {
    return values.size() == 1 && valid.test(values.get(0).strip());
  }

  private static boolean optional(List<String> values, java.util.function.Predicate<String> valid) {
    return values.isEmpty() || (values.size() == 1 && valid.test(values.get(0)));
  }
}
