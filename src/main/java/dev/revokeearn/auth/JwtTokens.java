package dev.revokeearn.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 JWTs signed with the store's key: stateless to check, so holding many tokens costs no
 * memory, every replica sharing a store accepts the others' tokens, and a forged one is invalid.
 */
final class JwtTokens {
  record Claims(String subject, long orgId, Instant expiresAt) {}

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final String HEADER =
      ENCODER.encodeToString(
          "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  private final ObjectMapper json = new ObjectMapper();

  String issue(byte[] key, String subject, long orgId, Instant issuedAt, Instant expiresAt) {
    ObjectNode payload = json.createObjectNode();
    payload.put("sub", subject);
    payload.put("org", orgId);
    payload.put("iat", issuedAt.getEpochSecond());
    payload.put("exp", expiresAt.getEpochSecond());
    String signed =
        HEADER + "." + ENCODER.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
    return signed + "." + ENCODER.encodeToString(sign(key, signed));
  }

  /** The claims of a token signed with this key; empty for anything else. */
  Optional<Claims> verify(byte[] key, String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || !parts[0].equals(HEADER)) {
      return Optional.empty();
    }
    try {
      byte[] signature = DECODER.decode(parts[2]);
      if (!MessageDigest.isEqual(signature, sign(key, parts[0] + "." + parts[1]))) {
        return Optional.empty();
      }
      JsonNode payload = json.readTree(DECODER.decode(parts[1]));
      return Optional.of(
          new Claims(
              payload.path("sub").asText(),
              payload.path("org").asLong(),
              Instant.ofEpochSecond(payload.path("exp").asLong())));
    } catch (IllegalArgumentException | java.io.IOException e) {
      return Optional.empty();
    }
  }

  private static byte[] sign(byte[] key, String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(content.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("Every JVM has HmacSHA256", e);
    }
  }
}
