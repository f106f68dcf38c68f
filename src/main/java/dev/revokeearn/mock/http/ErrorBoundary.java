package dev.revokeearn.mock.http;

import com.github.tomakehurst.wiremock.verification.RequestJournalDisabledException;
import dev.revokeearn.api.ApiCall;
import dev.revokeearn.service.ApiProblem;
import dev.revokeearn.service.CapillaryErrors;
import dev.revokeearn.state.StateUnavailable;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URISyntaxException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error boundary around everything the standalone mock's server does with a request, stubs
 * and admin alike: the body is read first, bounded ({@link BodyReader}); then whatever throws, the
 * client gets a 4xx in Capillary's envelope (a 5xx would read as Capillary failing; an HTML page or
 * an exception name is no answer), and the mock's log gets the cause.
 */
final class ErrorBoundary implements Filter {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorBoundary.class);

  private final Filter front;
  private final BodyReader bodies;
  private final boolean bareErrorsGetBodies;

  /**
   * @param front what handles a request first, inside the boundary; its chain goes on to WireMock
   * @param bodies how much of a body, in how long, this context takes
   * @param bareErrorsGetBodies whether WireMock's error statuses without a body get the envelope
   *     ({@link ErrorBodies}): the admin API's do; on the API they are a user's stub, sent as it is
   */
  ErrorBoundary(Filter front, BodyReader bodies, boolean bareErrorsGetBodies) {
    this.front = front;
    this.bodies = bodies;
    this.bareErrorsGetBodies = bareErrorsGetBodies;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if ("CONNECT".equals(((HttpServletRequest) request).getMethod())) {
      // WireMock leaves CONNECT unanswered (it is for proxies): this mock is none.
      answer(
          (HttpServletResponse) response,
          new ApiProblem(405, 405, "CONNECT is not served here: this is no proxy", null));
      return;
    }
    String charset =
        ApiCall.unknownCharset(((HttpServletRequest) request).getHeader("Content-Type"));
    if (charset != null) {
      // WireMock decodes the body with it, and throws on a charset Java does not know.
      answer((HttpServletResponse) response, CapillaryErrors.unknownCharset(charset));
      return;
    }
    String badEscape = badEscape(query((HttpServletRequest) request));
    if (badEscape != null) {
      // WireMock decodes the query with URLDecoder, which throws at a stray '%'.
      answer(
          (HttpServletResponse) response,
          CapillaryErrors.badRequest(
              null,
              "The request URL is not valid: the query has '"
                  + badEscape
                  + "', and '%' must start an escape of two hex digits (%25 for '%' itself)"));
      return;
    }
    bodies.read(
        (HttpServletRequest) request,
        (HttpServletResponse) response,
        withBody -> guarded(withBody, (HttpServletResponse) response, chain));
  }

  /** The request's handling, inside the boundary. */
  private void guarded(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException {
    try {
      front.doFilter(
          request,
          response,
          (toWireMock, itsResponse) ->
              chain.doFilter(
                  toWireMock,
                  bareErrorsGetBodies
                      ? new ErrorBodies((HttpServletResponse) itsResponse, describe(request))
                      : itsResponse));
    } catch (OutOfMemoryError e) {
      OutOfMemory.exit(e);
    } catch (EofException e) {
      LOG.debug("The client went away", e); // nothing left to answer
    } catch (IOException | ServletException | RuntimeException e) {
      if (e instanceof IOException && response.isCommitted()) {
        // The answer was on its way when the connection closed (a client gone, the server
        // stopping): nothing is left to answer.
        LOG.debug("The connection closed while answering", e);
        return;
      }
      if (cause(e, EofException.class) != null) {
        // WireMock wraps it: the client went away before its body was read whole.
        LOG.debug("The client went away", e);
        return;
      }
      String target = describe(request);
      Throwable unavailable = cause(e, StateUnavailable.class);
      if (unavailable != null) {
        // The admin API reads the state too; a database that is down is nobody's request's fault.
        LOG.warn("{}: the state database is unavailable: {}", target, unavailable.getMessage());
        answer(response, CapillaryErrors.stateUnavailable());
        return;
      }
      Throwable invalidUri = cause(e, URISyntaxException.class);
      ApiProblem problem;
      if (cause(e, RequestJournalDisabledException.class) != null) {
        // WireMock lists no requests without its journal, and throws instead of saying so.
        problem =
            new ApiProblem(
                409,
                409,
                "The request journal is off (--journal-entries 0): there are no requests to read;"
                    + " start the mock without --journal-entries 0 to keep them",
                null);
        LOG.warn("Refused {}: the request journal is off", target);
      } else if (invalidUri != null) {
        // WireMock parses some URLs strictly; a URL it cannot parse is the client's to fix.
        problem =
            CapillaryErrors.badRequest(
                null,
                "The request URL is not valid: " + ((URISyntaxException) invalidUri).getReason());
        LOG.warn("Refused {}: {}", target, invalidUri.getMessage());
      } else if (wireMockAdmin(request)) {
        // WireMock's own admin API trips over some bodies it does not expect (an import without
        // "mappings" throws a NullPointerException): the request is the client's to fix.
        problem =
            CapillaryErrors.badRequest(
                null,
                "WireMock refused this admin request: check it against WireMock's admin API"
                    + " (https://wiremock.org/docs/standalone/admin-api-reference/)");
        LOG.warn("WireMock refused {}: {}", target, e.toString());
      } else {
        problem = CapillaryErrors.notProcessed();
        LOG.error("The mock could not process {}: {}", target, e.toString());
        LOG.debug("The cause", e);
      }
      if (!response.isCommitted()) {
        response.reset();
        answer(response, problem);
      }
    }
  }

  private static void answer(HttpServletResponse response, ApiProblem problem) throws IOException {
    EnvelopeResponses.write(response, problem);
  }

  private static boolean wireMockAdmin(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.startsWith("/__admin/") && !path.startsWith("/__admin/revoke-earn/");
  }

  /**
   * The query WireMock will decode: Jetty's, or, when Jetty kept a path it could not split (a bad
   * escape before the '?'), what follows the '?' in the request URI, which WireMock splits itself.
   */
  private static String query(HttpServletRequest request) {
    String uri = request.getRequestURI();
    int mark = uri == null ? -1 : uri.indexOf('?');
    String fromUri = mark < 0 ? null : uri.substring(mark + 1);
    if (fromUri == null) {
      return request.getQueryString();
    }
    return request.getQueryString() == null ? fromUri : fromUri + "&" + request.getQueryString();
  }

  /** The first '%' in the query not followed by two hex digits, with what follows it; or null. */
  static String badEscape(String query) {
    if (query == null) {
      return null;
    }
    for (int i = query.indexOf('%'); i >= 0; i = query.indexOf('%', i + 1)) {
      if (i + 2 >= query.length() || !hex(query.charAt(i + 1)) || !hex(query.charAt(i + 2))) {
        return query.substring(i, Math.min(query.length(), i + 3));
      }
    }
    return null;
  }

  private static boolean hex(char c) {
    return Character.digit(c, 16) >= 0 && c < 128;
  }

  private static String describe(HttpServletRequest request) {
    String query = request.getQueryString();
    String target = request.getRequestURI() + (query == null ? "" : "?" + query);
    return request.getMethod()
        + " "
        + (target.length() > 200 ? target.substring(0, 200) + "..." : target);
  }

  private static Throwable cause(Throwable e, Class<?> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }
}
