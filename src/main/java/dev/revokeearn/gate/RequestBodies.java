package dev.revokeearn.gate;

import com.atlassian.oai.validator.model.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The body of a validator request as text ({@code Request.getBody()} is deprecated and empty). */
public final class RequestBodies {
  private RequestBodies() {}

  /** The body as UTF-8 text; empty when there is none. */
  public static String text(Request request) {
    return request
        .getRequestBody()
        .filter(body -> body.hasBody())
        .map(
            body -> {
              try {
                return body.toString(StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .orElse("");
  }
}
