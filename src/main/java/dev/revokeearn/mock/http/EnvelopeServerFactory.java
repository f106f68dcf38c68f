package dev.revokeearn.mock.http;

import com.github.tomakehurst.wiremock.common.HttpsSettings;
import com.github.tomakehurst.wiremock.common.JettySettings;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import com.github.tomakehurst.wiremock.jetty11.Jetty11Utils;
import com.github.tomakehurst.wiremock.jetty11.SslContexts;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.io.NetworkTrafficListener;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.FilterMapping;
import org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * WireMock's own Jetty 11 server, hardened: the {@link ErrorBoundary} (and its {@link BodyReader})
 * around both contexts, the direct route inside it on the API's, the {@link AdminDoor} on the admin
 * API's, and {@link EnvelopeErrorHandler} for Jetty's error pages.
 */
public final class EnvelopeServerFactory implements HttpServerFactory {
  /** How long a request's body may take to arrive, whole, by default. */
  public static final Duration BODY_DEADLINE = Duration.ofSeconds(10);

  /** The most an admin request's body may hold (a seed): far more than any API request's. */
  public static final int MAX_ADMIN_BODY_BYTES = 32 * 1024 * 1024;

  private final Filter direct;
  private final AdminDoor adminDoor;
  private final int maxBodyBytes;
  private final Duration bodyDeadline;
  private final ScheduledExecutorService deadlines =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "revoke-earn-body-deadlines");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param direct what answers API requests before WireMock when it can (the direct route)
   * @param maxBodyBytes the most an API request's body may hold
   * @param bodyDeadline how long a request's body may take to arrive, whole
   */
  public EnvelopeServerFactory(
      Filter direct, AdminGuard guard, int maxBodyBytes, Duration bodyDeadline) {
    this.direct = direct;
    this.adminDoor = new AdminDoor(guard);
    this.maxBodyBytes = maxBodyBytes;
    this.bodyDeadline = bodyDeadline;
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
      protected ServerConnector createHttpsConnector(
          String bindAddress,
          HttpsSettings https,
          JettySettings settings,
          NetworkTrafficListener listener) {
        // HTTP/1.1 over TLS, with the same envelope for what Jetty refuses as on plain HTTP.
        return Jetty11Utils.createServerConnector(
            jettyServer,
            bindAddress,
            settings,
            https.port(),
            listener,
            new SslConnectionFactory(SslContexts.buildHttp1_1SslContextFactory(https), "http/1.1"),
            new ClientErrorConnectionFactory(Jetty11Utils.createHttpConfig(settings)));
      }

      @Override
      protected void applyAdditionalServerConfiguration(Server jettyServer, Options options) {
        super.applyAdditionalServerConfiguration(jettyServer, options);
        jettyServer.setErrorHandler(new EnvelopeErrorHandler());
      }

      @Override
      protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
        guard(context, direct, new BodyReader(maxBodyBytes, bodyDeadline, deadlines), false);
      }

      @Override
      protected void decorateAdminServiceContextAfterConfig(ServletContextHandler context) {
        guard(
            context,
            adminDoor,
            new BodyReader(MAX_ADMIN_BODY_BYTES, bodyDeadline, deadlines),
            true);
      }
    };
  }

  /**
   * @param front what handles a request inside the boundary, before WireMock
   * @param bareErrorsGetBodies whether WireMock's bare error statuses get the envelope (admin only)
   */
  private static void guard(
      ServletContextHandler context, Filter front, BodyReader bodies, boolean bareErrorsGetBodies) {
    FilterHolder boundary = new FilterHolder(new ErrorBoundary(front, bodies, bareErrorsGetBodies));
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
