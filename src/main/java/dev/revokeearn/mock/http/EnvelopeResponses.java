package dev.revokeearn.mock.http;

import dev.revokeearn.api.RequestIds;
import dev.revokeearn.service.ApiProblem;
import dev.revokeearn.service.Envelopes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Puts a problem on the wire below WireMock (the error boundary, the body reader, the admin door,
 * Jetty's error pages): its status, Capillary's envelope, and an {@code X-CAP-REQUEST-ID}.
 */
final class EnvelopeResponses {
  private EnvelopeResponses() {}

  static void write(HttpServletResponse response, ApiProblem problem) throws IOException {
    byte[] body = Envelopes.bytes(problem);
    response.setStatus(problem.status());
    response.setContentType("application/json");
    response.setHeader(RequestIds.HEADER, RequestIds.next());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The answer, then the connection closed: what is left of the request is not read. */
  static void closing(HttpServletResponse response, ApiProblem problem) throws IOException {
    response.setHeader("Connection", "close");
    write(response, problem);
  }
}
