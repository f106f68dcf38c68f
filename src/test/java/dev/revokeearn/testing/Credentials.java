package dev.revokeearn.testing;

import dev.revokeearn.auth.Md5;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Authorization header values as Capillary clients build them. */
public final class Credentials {
  public static final String DEMO_TILL = "demo.till";
  public static final String DEMO_PASSWORD = "demo-password";

  /** The environment {@code check} reads its credentials from, naming the demo seed's. */
  public static final Map<String, String> DEMO_CHECK_ENV =
      Map.of(
          "CAP_USERNAME",
          DEMO_TILL,
          "CAP_PASSWORD",
          DEMO_PASSWORD,
          "CAP_OAUTH_KEY",
          "demo-key",
          "CAP_OAUTH_SECRET",
          "demo-secret");

  private Credentials() {}

  /** Basic with the MD5 of the password, as Capillary wants it. */
  public static String basic(String username, String password) {
    return basicRaw(username, Md5.hex(password));
  }

  /** Basic with the password exactly as given (e.g. unhashed). */
  public static String basicRaw(String username, String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  public static String demo() {
    return basic(DEMO_TILL, DEMO_PASSWORD);
  }
}
