package dev.revokeearn.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * An OAuth client of an org: key and secret buy a token that lives {@code ttlSeconds}. The secret
 * is kept as its SHA-256 only.
 */
public record ClientCredential(
    long orgId, String key, String secretSha256, int ttlSeconds, Set<String> accessGroups) {
  public ClientCredential {
    if (ttlSeconds <= 0) {
      throw new IllegalArgumentException("ttlSeconds must be positive, got " + ttlSeconds);
    }
    accessGroups = Set.copyOf(accessGroups);
  }

  /** Whether {@code secret} is this client's secret (compared in constant time). */
  public boolean hasSecret(String secret) {
    return secret != null
        && MessageDigest.isEqual(
            secretSha256.getBytes(StandardCharsets.US_ASCII),
            sha256(secret).getBytes(StandardCharsets.US_ASCII));
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "OAuthClient[" + key + " of org " + orgId + "]";
  }
}
