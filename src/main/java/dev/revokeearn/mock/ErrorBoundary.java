package dev.revokeearn.mock;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException {
    try {
      chain.doFilter(request, response);
    } catch (EofException e) {
      LOG.debug("The client went away", e); // nothing left to answer
    } catch (IOException | ServletException | RuntimeException e) {
      LOG.error("The mock could not process a request", e);
      if (!response.isCommitted()) {
        response.reset();
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(400);
        http.setContentType("application/json");
        http.getOutputStream()
            .write(
                Envelopes.error(
                    400,
                    "The mock could not process this request; its log says why. Please report it."));
      }
    }
  }
}
