package dev.revokeearn.mock.http;

import dev.revokeearn.service.ApiProblem;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The admin API's door, before WireMock: refuses clients on other machines (unless {@code
 * --admin-remote}) by the connection's own peer address, which no header can change, and requests
 * from web pages unless a token is required ({@link AdminGuard}); and serves no HTML page. The
 * health page, which tells nothing of the state, answers everyone: a container runtime's or a load
 * balancer's probe comes from another address.
 */
final class AdminDoor implements Filter {
  private final AdminGuard guard;

  AdminDoor(AdminGuard guard) {
    this.guard = guard;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    String path = http.getRequestURI();
    if (path.startsWith("/__admin/docs") || path.startsWith("/__admin/swagger-ui")) {
      // WireMock's HTML pages for its own admin API: this mock's are in its README and contract.
      EnvelopeResponses.write(
          (HttpServletResponse) response,
          new ApiProblem(
              404,
              404,
              "No admin endpoint "
                  + http.getMethod()
                  + " "
                  + path
                  + "; the admin API is described by openapi/revoke-earn-admin.yaml",
              null));
      return;
    }
    boolean health = http.getMethod().equals("GET") && path.equals("/__admin/health");
    if (!health && !guard.allowsPeer(http.getRemoteAddr())) {
      refuse(
          response, "The admin API answers only clients on this machine; see --admin-remote", null);
    } else if (!guard.allowsOrigin(http.getHeader("Origin"))) {
      refuse(
          response,
          "The admin API refuses web pages (this request came with Origin: "
              + http.getHeader("Origin")
              + "): any page open in a browser here could otherwise reset the mock;"
              + " start the mock with --admin-token to let browser clients in with the token",
          "Origin");
    } else {
      chain.doFilter(request, response);
    }
  }

  private static void refuse(ServletResponse response, String message, String reference)
      throws IOException {
    EnvelopeResponses.write(
        (HttpServletResponse) response, new ApiProblem(403, 403, message, reference));
  }
}
