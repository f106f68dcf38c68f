package dev.revokeearn.mock.http;

import dev.revokeearn.api.RequestIds;
import dev.revokeearn.service.ApiProblem;
import dev.revokeearn.service.CapillaryErrors;
import dev.revokeearn.service.Envelopes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's error pages, in Capillary's envelope instead of HTML: for requests Jetty refuses before
 * WireMock sees them (a malformed request line, headers too large) and for errors a context sends.
 * The status stays Jetty's for those 4xx; a 5xx becomes 400 with no exception text, as at the
 * {@link ErrorBoundary}.
 */
final class EnvelopeErrorHandler extends ErrorHandler {
  @Override
  protected void generateAcceptableResponse(
      Request baseRequest,
      HttpServletRequest request,
      HttpServletResponse response,
      int code,
      String message)
      throws IOException {
    baseRequest.setHandled(true);
    EnvelopeResponses.write(
        response,
        code >= 500
            ? CapillaryErrors.notProcessed()
            : new ApiProblem(code, code, reason(code, message), null));
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
    fields.put(new HttpField(RequestIds.HEADER, RequestIds.next()));
    return ByteBuffer.wrap(
        Envelopes.bytes(new ApiProblem(status, status, reason(status, reason), null)));
  }

  private static String reason(int code, String message) {
    String text = message == null || message.isBlank() ? "HTTP " + code : message;
    return "The request is not valid HTTP: "
        + (text.length() > 200 ? text.substring(0, 200) : text);
  }
}
