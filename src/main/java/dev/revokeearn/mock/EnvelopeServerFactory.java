package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.common.JettySettings;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import com.github.tomakehurst.wiremock.jetty11.Jetty11Utils;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.EnumSet;
import org.eclipse.jetty.io.NetworkTrafficListener;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.FilterMapping;
import org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * WireMock's own Jetty 11 server, with the {@link ErrorBoundary} around both contexts, the {@link
 * DirectRoute} inside it on the API's, the {@link AdminDoor} on the admin API's, and {@link
 * EnvelopeErrorHandler} for Jetty's error pages.
 */
final class EnvelopeServerFactory implements HttpServerFactory {
  private final DirectRoute direct;
  private final AdminDoor adminDoor;

  EnvelopeServerFactory(DirectRoute direct, AdminDoor adminDoor) {
    this.direct = direct;
    this.adminDoor = adminDoor;
  }

  @Override
  public String getName() {
    return "revoke-earn-http-server";
  }

  @Override
  public HttpServer buildHttpServer(
      Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
    return new Jetty11HttpServer(options, admin, stubs) {
      @Override
      protected ServerConnector createHttpConnector(
          String bindAddress, int port, JettySettings settings, NetworkTrafficListener listener) {
        // HTTP/1.1 only: plain-HTTP/2 upgrades are off anyway (see RevokeEarnMock).
        return Jetty11Utils.createServerConnector(
            jettyServer,
            bindAddress,
            settings,
            port,
            listener,
            new ClientErrorConnectionFactory(Jetty11Utils.createHttpConfig(settings)));
      }

      @Override
      protected void applyAdditionalServerConfiguration(Server jettyServer, Options options) {
        super.applyAdditionalServerConfiguration(jettyServer, options);
        jettyServer.setErrorHandler(new EnvelopeErrorHandler());
      }

      @Override
      protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
        guard(context, direct);
      }

      @Override
      protected void decorateAdminServiceContextAfterConfig(ServletContextHandler context) {
        guard(context, adminDoor);
      }
    };
  }

  /**
   * @param front what handles a request inside the boundary, before WireMock
   */
  private static void guard(ServletContextHandler context, Filter front) {
    FilterHolder boundary = new FilterHolder(new ErrorBoundary(front));
    // Delayed answers are sent asynchronously (see RevokeEarnMock), which every filter must allow.
    boundary.setAsyncSupported(true);
    boundary.setName("revoke-earn-boundary");
    // First of the context's filters: WireMock's CORS filter answers preflights itself, and the
    // admin API's door must come before it.
    FilterMapping everything = new FilterMapping();
    everything.setFilterName(boundary.getName());
    everything.setPathSpec("/*");
    everything.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    context.getServletHandler().prependFilter(boundary);
    context.getServletHandler().prependFilterMapping(everything);
    context.setErrorHandler(new EnvelopeErrorHandler());
  }
}
