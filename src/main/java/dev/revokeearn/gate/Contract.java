package dev.revokeearn.gate;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
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

  /**
   * Built on first use: parsing the contract costs most of a second; the validator is shareable.
   */
  private static final class Responses {
    static final OpenApiInteractionValidator VALIDATOR =
        OpenApiInteractionValidator.createForInlineApiSpecification(text())
            .withLevelResolver(
                LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .build())
            .build();
  }

  private Contract() {}

  /**
   * swagger-request-validator on the contract's responses alone (request checks are off): what the
   * conformance suite and verify-pact judge answers by. One per process.
   */
  public static OpenApiInteractionValidator responseValidator() {
    return Responses.VALIDATOR;
  }

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
