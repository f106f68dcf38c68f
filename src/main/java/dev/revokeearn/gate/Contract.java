package dev.revokeearn.gate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAPI contract, read from the classpath copy of {@code openapi/revoke-earn.yaml} that the
 * build packs into the jar, so the mock validates against exactly the file it was built from.
 *
 * <pre>{@code
 * String yaml = Contract.text();
 * }</pre>
 */
public final class Contract {
  public static final String RESOURCE = "openapi/revoke-earn.yaml";

  /** The mock's admin API, {@code openapi/revoke-earn-admin.yaml}. */
  public static final String ADMIN_RESOURCE = "openapi/revoke-earn-admin.yaml";

  private Contract() {}

  /** The contract's YAML text. */
  public static String text() {
    return text(RESOURCE);
  }

  /** The admin API's YAML text. */
  public static String adminText() {
    return text(ADMIN_RESOURCE);
  }

  private static String text(String resource) {
    try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The contract " + resource + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
