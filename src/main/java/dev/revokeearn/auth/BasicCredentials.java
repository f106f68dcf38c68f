package dev.revokeearn.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The Authorization header a Capillary client sends for a till: Basic with the MD5 of the password.
 */
public final class BasicCredentials {
  private BasicCredentials() {}

  /** {@code Basic base64(username:md5hex(password))}. */
  public static String header(String username, String password) {
    String credentials = username + ":" + Md5.hex(password);
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
