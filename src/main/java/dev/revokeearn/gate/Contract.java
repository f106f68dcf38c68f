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

  private Contract() {}

  /** The contract's YAML text. */
  public static String text() {
    try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The contract " + RESOURCE + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
