package dev.revokeearn.mock.http;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Predicate;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * The direct route's way in ahead of WireMock's handlers: an API request whose body came whole with
 * its headers is answered here, inside the same {@link ErrorBoundary}, without crossing WireMock's
 * handler collection, its gzip handler and the servlet context's scopes and filter chain (a tenth
 * of the CPU a unique revoke costs). What the direct route hands on to WireMock goes that way with
 * its body read ({@link BufferedBody#passedOn()}); every other request goes as it came, and the
 * servlet context's own boundary and direct route still take it (a body still arriving is read
 * there, asynchronously). A client that accepts gzip goes that way too: WireMock's gzip handler
 * compresses its answer.
 */
final class FrontDoor extends HandlerWrapper {
  private final Predicate<HttpServletRequest> directServes;
  private final ErrorBoundary boundary;

  /**
   * @param directServes whether the direct route may answer a request, by its method and path
   * @param boundary the API context's boundary, around the direct route
   */
  FrontDoor(Predicate<HttpServletRequest> directServes, ErrorBoundary boundary) {
    this.directServes = directServes;
    this.boundary = boundary;
  }

  @Override
  public void handle(
      String target, Request base, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (!directServes.test(request) || acceptsGzip(request) || !BodyReader.whole(request)) {
      super.handle(target, base, request, response);
      return;
    }
    base.setHandled(true);
    boundary.doFilter(
        request,
        response,
        (passed, itsResponse) -> {
          base.setAttribute(BufferedBody.PASSED_ON, passed);
          base.setHandled(false);
          super.handle(target, base, request, response);
        });
  }

  private static boolean acceptsGzip(HttpServletRequest request) {
    String accepted = request.getHeader("Accept-Encoding");
    return accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
  }
}
