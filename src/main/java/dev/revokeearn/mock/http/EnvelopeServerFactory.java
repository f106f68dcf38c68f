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
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import org.eclipse.jetty.io.NetworkTrafficListener;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.FilterMapping;
import org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * WireMock's own Jetty 11 server, hardened: the {@link ErrorBoundary} (and its {@link BodyReader})
 * around both contexts, the direct route inside it on the API's and, through the {@link FrontDoor},
 * ahead of WireMock's handlers; the {@link AdminDoor} on the admin API's; and {@link
 * EnvelopeErrorHandler} for Jetty's error pages.
 */
public final class EnvelopeServerFactory implements HttpServerFactory {
  /** How long a request's body may take to arrive, whole, by default. */
  public static final Duration BODY_DEADLINE = Duration.ofSeconds(10);

  /** The most an admin request's body may hold (a seed): far more than any API request's. */
  public static final int MAX_ADMIN_BODY_BYTES = 32 * 1024 * 1024;

  private final Filter direct;
  private final Predicate<HttpServletRequest> directServes;
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
   * @param directServes whether the direct route may answer a request, by its method and path
   * @param maxBodyBytes the most an API request's body may hold
   * @param bodyDeadline how long a request's body may take to arrive, whole
   */
  public EnvelopeServerFactory(
      Filter direct,
      Predicate<HttpServletRequest> directServes,
      AdminGuard guard,
      int maxBodyBytes,
      Duration bodyDeadline) {
    this.direct = direct;
    this.directServes = directServes;
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
    ErrorBoundary apiBoundary =
        new ErrorBoundary(direct, new BodyReader(maxBodyBytes, bodyDeadline, deadlines), false);
    return new Jetty11HttpServer(options, admin, stubs) {
      @Override
      protected ServerConnector createHttpConnector(
          String bindAddress, int port, JettySettings settings, NetworkTrafficListener listener) {
        // HTTP/1.1 only: plain-HTTP/2 upgrades are off anyway (see RevokeEarnMock).
        return connector(
            jettyServer,
            bindAddress,
            settings,
            port,
            new ClientErrorConnectionFactory(Jetty11Utils.createHttpConfig(settings)));
      }

      @Override
      protected ServerConnector createHttpsConnector(
          String bindAddress,
          HttpsSettings https,
          JettySettings settings,
          NetworkTrafficListener listener) {
        // HTTP/1.1 over TLS, with the same envelope for what Jetty refuses as on plain HTTP.
        return connector(
            jettyServer,
            bindAddress,
            settings,
            https.port(),
            new SslConnectionFactory(SslContexts.buildHttp1_1SslContextFactory(https), "http/1.1"),
            new ClientErrorConnectionFactory(Jetty11Utils.createHttpConfig(settings)));
      }

      @Override
      protected Handler createHandler(
          Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        FrontDoor front = new FrontDoor(directServes, apiBoundary);
        front.setHandler(super.createHandler(options, admin, stubs));
        return front;
      }

      @Override
      protected void applyAdditionalServerConfiguration(Server jettyServer, Options options) {
        super.applyAdditionalServerConfiguration(jettyServer, options);
        jettyServer.setErrorHandler(new EnvelopeErrorHandler());
      }

      @Override
      protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
        guard(context, apiBoundary);
      }

      @Override
      protected void decorateAdminServiceContextAfterConfig(ServletContextHandler context) {
        guard(
            context,
            new ErrorBoundary(
                adminDoor, new BodyReader(MAX_ADMIN_BODY_BYTES, bodyDeadline, deadlines), true));
      }
    };
  }

  /**
   * A plain connector where WireMock's reports network traffic to a listener (the mock sets none):
   * its endpoint writes an answer's head and body in two system calls (two TCP segments), one per
   * buffer to report each, where the plain one gathers them into one. On this machine's loopback
   * the kernel's share of a request is about half its CPU; the plain one served about 1.1x.
   */
  private static ServerConnector connector(
      Server server,
      String bindAddress,
      JettySettings settings,
      int port,
      ConnectionFactory... factories) {
    ServerConnector connector =
        new ServerConnector(
            server, null, null, null, settings.getAcceptors().orElse(1), 2, factories);
    connector.setPort(port);
    Jetty11Utils.setJettySettings(settings, connector);
    connector.setHost(bindAddress);
    return connector;
  }

  private static void guard(ServletContextHandler context, ErrorBoundary errorBoundary) {
    FilterHolder boundary = new FilterHolder(errorBoundary);
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
