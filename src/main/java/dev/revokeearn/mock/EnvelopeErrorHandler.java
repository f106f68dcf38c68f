package dev.revokeearn.mock;

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
    int status = code >= 500 ? 400 : code;
    String text =
        code >= 500
            ? "The mock could not process this request; its log says why. Please report it."
            : reason(code, message);
    baseRequest.setHandled(true);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setHeader(RequestIdStamp.HEADER, RequestIdStamp.newRequestId());
    response.getOutputStream().write(Envelopes.error(status, text));
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
    fields.put(new HttpField(RequestIdStamp.HEADER, RequestIdStamp.newRequestId()));
    return ByteBuffer.wrap(Envelopes.error(status, reason(status, reason)));
  }

  private static String reason(int code, String message) {
    String text = message == null || message.isBlank() ? "HTTP " + code : message;
    return "The request is not valid HTTP: "
        + (text.length() > 200 ? text.substring(0, 200) : text);
  }
}
