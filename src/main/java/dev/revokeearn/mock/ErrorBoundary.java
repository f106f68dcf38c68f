package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.verification.RequestJournalDisabledException;
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
import java.util.zip.ZipException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error boundary around everything WireMock does with a request, stubs and admin alike:
 * whatever throws, the client gets a 400 in Capillary's envelope (a 5xx would read as Capillary
 * failing; an HTML page or an exception name is no answer), and the mock's log gets the cause.
 */
final class ErrorBoundary implements Filter {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorBoundary.class);

  private final Filter front;

  /**
   * @param front what handles a request first, inside the boundary; its chain goes on to WireMock
   */
  ErrorBoundary(Filter front) {
    this.front = front;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException {
    if ("CONNECT".equals(((HttpServletRequest) request).getMethod())) {
      // WireMock leaves CONNECT unanswered (it is for proxies): this mock is none.
      answer((HttpServletResponse) response, 405, "CONNECT is not served here: this is no proxy");
      return;
    }
    String charset = unknownCharset(((HttpServletRequest) request).getHeader("Content-Type"));
    if (charset != null) {
      // WireMock decodes the body with it, and throws on a charset Java does not know.
      answer(
          (HttpServletResponse) response,
          400,
          "Content-Type names the charset '" + charset + "', which is not known; send UTF-8",
          "Content-Type");
      return;
    }
    String badEscape = badEscape(query((HttpServletRequest) request));
    if (badEscape != null) {
      // WireMock decodes the query with URLDecoder, which throws at a stray '%'.
      answer(
          (HttpServletResponse) response,
          400,
          "The request URL is not valid: the query has '"
              + badEscape
              + "', and '%' must start an escape of two hex digits (%25 for '%' itself)");
      return;
    }
    try {
      front.doFilter(
          request,
          response,
          (toWireMock, itsResponse) ->
              chain.doFilter(
                  toWireMock,
                  new ErrorBodies(
                      (HttpServletResponse) itsResponse, describe((HttpServletRequest) request))));
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
      String target = describe((HttpServletRequest) request);
      Throwable unavailable = cause(e, StateUnavailable.class);
      if (unavailable != null) {
        // The admin API reads the state too; a database that is down is nobody's request's fault.
        LOG.warn("{}: the state database is unavailable: {}", target, unavailable.getMessage());
        answer(
            (HttpServletResponse) response,
            503,
            "The mock's state database is unavailable; try again once it is back");
        return;
      }
      Throwable invalidUri = cause(e, URISyntaxException.class);
      String message;
      int status = 400;
      if (cause(e, RequestJournalDisabledException.class) != null) {
        // WireMock lists no requests without its journal, and throws instead of saying so.
        status = 409;
        message =
            "The request journal is off (--journal-entries 0): there are no requests to read;"
                + " start the mock without --journal-entries 0 to keep them";
        LOG.warn("Refused {}: the request journal is off", target);
      } else if (invalidUri != null) {
        // WireMock parses some URLs strictly; a URL it cannot parse is the client's to fix.
        message = "The request URL is not valid: " + ((URISyntaxException) invalidUri).getReason();
        LOG.warn("Refused {}: {}", target, invalidUri.getMessage());
      } else if (cause(e, ZipException.class) != null
          || (cause(e, java.io.EOFException.class) != null
              && gzipped((HttpServletRequest) request))) {
        message = "The body is not valid gzip data, though its Content-Encoding says gzip";
        LOG.warn("Refused {}: {}", target, e.toString());
      } else if (wireMockAdmin((HttpServletRequest) request)) {
        // WireMock's own admin API trips over some bodies it does not expect (an import without
        // "mappings" throws a NullPointerException): the request is the client's to fix.
        message =
            "WireMock refused this admin request: check it against WireMock's admin API"
                + " (https://wiremock.org/docs/standalone/admin-api-reference/)";
        LOG.warn("WireMock refused {}: {}", target, e.toString());
      } else {
        message = "The mock could not process this request; its log says why. Please report it.";
        LOG.error("The mock could not process {}: {}", target, e.toString());
        LOG.debug("The cause", e);
      }
      if (!response.isCommitted()) {
        response.reset();
        answer((HttpServletResponse) response, status, message);
      }
    }
  }

  private static void answer(HttpServletResponse response, int status, String message)
      throws IOException {
    answer(response, status, message, null);
  }

  private static void answer(
      HttpServletResponse response, int status, String message, String reference)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setHeader(RequestIdStamp.HEADER, RequestIdStamp.newRequestId());
    response.getOutputStream().write(Envelopes.error(status, message, reference));
  }

  private static boolean gzipped(HttpServletRequest request) {
    String encoding = request.getHeader("Content-Encoding");
    return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("gzip");
  }

  /** The charset a Content-Type names when Java does not know it; null otherwise. */
  static String unknownCharset(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String parameter : contentType.split(";")) {
      String[] pair = parameter.split("=", 2);
      if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
        String name = pair[1].strip().replace("\"", "");
        try {
          if (!name.isEmpty() && !java.nio.charset.Charset.isSupported(name)) {
            return name;
          }
        } catch (java.nio.charset.IllegalCharsetNameException e) {
          return name;
        }
      }
    }
    return null;
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
