package dev.revokeearn.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * A Basic-auth credential of an org. Capillary clients send the MD5 of the till's password, so that
 * MD5 is what proves a request; it is kept only as a salted SHA-256 of itself ({@code
 * sha256$<salt>$<hash>}), so that a copy of the state (a database file, a dump) holds nothing a
 * request could send.
 *
 * @param passwordHash the salted hash of the password's MD5
 */
public record TillCredential(
    long orgId, String username, String passwordHash, Set<String> accessGroups) {
  private static final SecureRandom SALTS = new SecureRandom();

  public TillCredential {
    accessGroups = Set.copyOf(accessGroups);
  }

  /** A till whose clients send this MD5 (hex, any case): its salted hash is kept, not the MD5. */
  public static TillCredential of(
      long orgId, String username, String passwordMd5, Set<String> accessGroups) {
    byte[] salt = new byte[16];
    SALTS.nextBytes(salt);
    String saltHex = HexFormat.of().formatHex(salt);
    return new TillCredential(
        orgId, username, "sha256$" + saltHex + "$" + hash(saltHex, passwordMd5), accessGroups);
  }

  /** Whether a request that sent this MD5 (hex, any case) proves the till, in constant time. */
  public boolean accepts(String sentMd5) {
    String[] parts = passwordHash.split("\\$", 3);
    return parts.length == 3
        && MessageDigest.isEqual(
            parts[2].getBytes(StandardCharsets.US_ASCII),
            hash(parts[1], sentMd5).getBytes(StandardCharsets.US_ASCII));
  }

  private static String hash(String saltHex, String md5) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(saltHex.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of()
          .formatHex(sha256.digest(md5.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "Till[" + username + " of org " + orgId + "]";
  }
}
