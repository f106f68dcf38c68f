package dev.revokeearn.mock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.common.SingleRootFileSource;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.revokeearn.mock.http.AdminGuard;
import dev.revokeearn.mock.http.EnvelopeServerFactory;
import dev.revokeearn.mock.journal.JournalStores;
import dev.revokeearn.mock.tls.HttpsKeys;
import dev.revokeearn.mockstate.MockState;
import dev.revokeearn.seed.Seed;
import dev.revokeearn.state.InMemoryStateStore;
import dev.revokeearn.state.StateStore;
import dev.revokeearn.store.JdbcStateStore;
import dev.revokeearn.wiremock.RevokeEarnExtensions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The standalone mock as one object: WireMock hosting the revoke-earn extension ({@link
 * RevokeEarnExtensions}), hardened ({@link StandaloneExtensions}), over a seeded state. Used by the
 * CLI, the JUnit extension and the tests.
 *
 * <pre>{@code
 * try (RevokeEarnMock mock = RevokeEarnMock.builder().port(0).build().start()) {
 *   String url = mock.baseUrl();  // http://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class RevokeEarnMock implements AutoCloseable {
  /** How many requests WireMock's journal keeps, so a long run's heap stays bounded. */
  public static final int DEFAULT_JOURNAL_ENTRIES = 1000;

  static {
    // The main artifact relocates SLF4J and slf4j-simple, so these name only the mock's own copy.
    LogLevels.defaults(false);
  }

  private final WireMockServer server;
  private final RedactingNotifier notifier;
  private final MockState state;
  private final String bindAddress;

  /** The empty root made for a mock without --root-dir; removed on close. */
  private final Path emptyRoot;

  /** What the HTTPS port serves; null without one. */
  private final HttpsKeys https;

  private final boolean httpDisabled;

  private RevokeEarnMock(Builder builder) {
    // The seed is read and applied while WireMock is built (about half of start-up each); the
    // build waits for it before it returns, and reports a seed that does not read or check.
    RevokeEarnExtensions core = builder.core.standalone().build();
    this.state = core.state();
    AdminGuard guard = new AdminGuard(builder.adminRemote, builder.adminToken);
    this.notifier = new RedactingNotifier(builder.notifier);
    this.bindAddress = builder.bindAddress;
    this.httpDisabled = builder.httpDisabled;
    this.emptyRoot = builder.rootDir == null ? EmptyRoots.create() : null;
    HttpsKeys keys = null;
    try {
      keys = builder.httpsKeys();
      this.https = keys;
      this.server = new WireMockServer(config(builder, guard, core));
      state.seeding().seededAtStart();
    } catch (RuntimeException e) {
      state.close();
      if (keys != null) {
        keys.close();
      }
      if (emptyRoot != null) {
        EmptyRoots.remove(emptyRoot);
      }
      throw e;
    }
  }

  private WireMockConfiguration config(
      Builder builder, AdminGuard guard, RevokeEarnExtensions core) {
    WireMockConfiguration config =
        wireMockConfig()
            .port(builder.port)
            .bindAddress(builder.bindAddress)
            // One acceptor is plenty for loopback clients, and Jetty warns when there are more than
            // cores.
            .jettyAcceptors(1)
            // Plain-HTTP/2 (h2c) upgrades break on a request body of unknown length (Jetty
            // cancels the stream; Java's HttpClient sends such upgrades by default, e.g. under
            // Spring's RestClient). Capillary is HTTPS anyway: answer HTTP/1.1.
            .http2PlainDisabled(true)
            // A delay fault waits on a timer, not on one of Jetty's threads: long delays must
            // not queue other requests (health probes and the admin API among them).
            .asynchronousResponseEnabled(true)
            .asynchronousResponseThreads(2)
            .extensions(core)
            .extensions(
                new StandaloneExtensions(core, guard, builder.maxBodyBytes, builder.bodyDeadline))
            .notifier(notifier)
            .adminAuthenticator(guard)
            .stubRequestLoggingDisabled(!builder.verbose);
    if (https != null) {
      config
          .httpsPort(builder.httpsPort)
          .keystorePath(https.keystore().toString())
          .keystorePassword(https.password())
          .keyManagerPassword(https.password())
          .keystoreType(https.type());
    }
    config.httpDisabled(builder.httpDisabled);
    Path root = builder.rootDir == null ? emptyRoot : builder.rootDir;
    config.usingFilesUnderDirectory(root.toString());
    config.mappingSource(new ReadOnlyMappings(root));
    if (builder.journalEntries == 0) {
      config.disableRequestJournal();
    } else {
      config.withStores(
          new JournalStores(new SingleRootFileSource(root.toFile()), builder.journalEntries));
    }
    return config;
  }

  public static Builder builder() {
    return new Builder();
  }

  public RevokeEarnMock start() {
    server.start();
    notifier.started();
    return this;
  }

  public int port() {
    return server.port();
  }

  /** The plain HTTP URL; the HTTPS one when plain HTTP is off. */
  public String baseUrl() {
    return httpDisabled ? httpsBaseUrl() : url("http", port());
  }

  /**
   * @throws IllegalStateException when the mock serves no HTTPS
   */
  public String httpsBaseUrl() {
    if (https == null) {
      throw new IllegalStateException("this mock serves no HTTPS (see Builder.httpsPort)");
    }
    return url("https", server.httpsPort());
  }

  /** The certificate the HTTPS port serves, PEM-encoded; empty without HTTPS. */
  public Optional<String> httpsCertificatePem() {
    return Optional.ofNullable(https).map(HttpsKeys::certificatePem);
  }

  private String url(String scheme, int port) {
    String host = bindAddress.equals("0.0.0.0") ? "127.0.0.1" : bindAddress;
    return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  public MockState state() {
    return state;
  }

  /**
   * Back to the seed, as {@code POST /__admin/reset} does (users' stubs go back to those of the
   * root directory too).
   *
   * @throws dev.revokeearn.seed.SeedException when the seed file no longer reads or checks; nothing
   *     is reset then
   */
  public void reset() {
    state.reset();
    server.resetAll();
  }

  public WireMockServer wireMock() {
    return server;
  }

  /** Stops the server and releases the state; safe on a server that failed to start. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) { // Jetty's ExecutionException escapes WireMock unchecked
      // Jetty refuses to stop a server whose start failed ("STOPPED"): nothing of it runs.
    } finally {
      state.close();
      if (https != null) {
        https.close();
      }
      if (emptyRoot != null) {
        EmptyRoots.remove(emptyRoot);
      }
    }
  }

  /** Settings with the defaults of the standalone jar. */
  public static final class Builder {
    private final RevokeEarnExtensions.Builder core = RevokeEarnExtensions.builder();
    private int port = 8080;
    private String bindAddress = "127.0.0.1";
    private Path rootDir;
    private int journalEntries = DEFAULT_JOURNAL_ENTRIES;
    private int maxBodyBytes = RevokeEarnExtensions.DEFAULT_MAX_BODY_BYTES;
    private Duration bodyDeadline = EnvelopeServerFactory.BODY_DEADLINE;
    private boolean verbose;
    private String adminToken;
    private boolean adminRemote;
    private Notifier notifier;
    private Integer httpsPort;
    private Path httpsKeystore;
    private String httpsKeystorePassword;
    private List<String> httpsHostNames = List.of();
    private boolean httpDisabled;

    /** 0 picks a free port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder bindAddress(String bindAddress) {
      this.bindAddress = bindAddress;
      return this;
    }

    public Builder seed(Seed seed) {
      core.seed(seed);
      return this;
    }

    /** A seed file, read at start and again on each reset (a large seed is not kept in memory). */
    public Builder seedFile(Path seedFile) {
      core.seedFile(seedFile);
      return this;
    }

    /** WireMock's root: its {@code mappings/} holds users' static stubs beside ours. */
    public Builder rootDir(Path rootDir) {
      this.rootDir = rootDir;
      return this;
    }

    /** Keep the state in a SQLite database in this directory, across restarts; null: in memory. */
    public Builder stateDir(Path stateDir) {
      core.store(
          stateDir == null ? InMemoryStateStore::new : () -> JdbcStateStore.sqlite(stateDir));
      return this;
    }

    /**
     * Keep the state in a PostgreSQL database that several mocks (replicas) share. Needs the
     * standalone jar, which carries the driver and the pool.
     *
     * @param url {@code jdbc:postgresql://HOST:PORT/DB}
     * @param user used when the URL names none; may be null
     * @param password used when the URL gives none; may be null
     * @param poolSize connections this mock keeps open
     */
    public Builder postgres(String url, String user, String password, int poolSize) {
      Supplier<StateStore> postgres = () -> JdbcStateStore.postgres(url, user, password, poolSize);
      core.store(postgres);
      return this;
    }

    /** Requests kept by WireMock's journal and by each org's exchange log; 0 turns both off. */
    public Builder journalEntries(int journalEntries) {
      this.journalEntries = journalEntries;
      core.exchangesPerOrg(journalEntries);
      return this;
    }

    public Builder maxBodyBytes(int maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      core.maxBodyBytes(maxBodyBytes);
      return this;
    }

    /** How long a request's body may take to arrive, whole; then 408. */
    public Builder bodyDeadline(Duration bodyDeadline) {
      this.bodyDeadline = bodyDeadline;
      return this;
    }

    public Builder verbose(boolean verbose) {
      this.verbose = verbose;
      return this;
    }

    /** Require {@code Authorization: Bearer <token>} on {@code /__admin}; null for none. */
    public Builder adminToken(String adminToken) {
      this.adminToken = adminToken;
      return this;
    }

    /** Let clients on other machines use {@code /__admin} (by default only loopback may). */
    public Builder adminRemote(boolean adminRemote) {
      this.adminRemote = adminRemote;
      return this;
    }

    /** Where WireMock's messages go (default: SLF4J); credentials are redacted either way. */
    public Builder notifier(Notifier notifier) {
      this.notifier = notifier;
      return this;
    }

    public Builder clock(Clock clock) {
      core.clock(clock);
      return this;
    }

    /**
     * Serve HTTPS too, on this port (0 picks a free one), with the keystore given by {@link
     * #httpsKeystore}, else a self-signed certificate made at start ({@link
     * #httpsCertificatePem()}).
     */
    public Builder httpsPort(int httpsPort) {
      this.httpsPort = httpsPort;
      return this;
    }

    /** The key HTTPS serves: a PKCS12 or JKS keystore, its key's password the store's. */
    public Builder httpsKeystore(Path keystore, String password) {
      this.httpsKeystore = keystore;
      this.httpsKeystorePassword = password;
      return this;
    }

    /** Names or addresses the self-signed certificate names, beyond localhost and loopback. */
    public Builder httpsHostNames(List<String> hostNames) {
      this.httpsHostNames = List.copyOf(hostNames);
      return this;
    }

    /** Serve HTTPS only (needs {@link #httpsPort}). */
    public Builder httpDisabled(boolean httpDisabled) {
      this.httpDisabled = httpDisabled;
      return this;
    }

    private HttpsKeys httpsKeys() {
      if (httpsPort == null) {
        return null;
      }
      return httpsKeystore != null
          ? HttpsKeys.of(httpsKeystore, httpsKeystorePassword)
          : HttpsKeys.selfSigned(httpsHostNames);
    }

    /**
     * @throws IllegalArgumentException for settings that do not go together
     * @throws dev.revokeearn.seed.SeedException when the seed does not read or check
     */
    public RevokeEarnMock build() {
      if (adminRemote && adminToken == null) {
        throw new IllegalArgumentException(
            "--admin-remote needs --admin-token (or REVOKE_EARN_ADMIN_TOKEN): without one, anyone"
                + " who can reach the port could reset, seed or delete the mock's state");
      }
      if (httpsPort == null
          && (httpDisabled || httpsKeystore != null || !httpsHostNames.isEmpty())) {
        throw new IllegalArgumentException(
            "--https-keystore, --https-host and --https-only go with --https-port");
      }
      if (httpsPort != null && (httpsPort < 0 || httpsPort > 65535)) {
        throw new IllegalArgumentException(
            "--https-port must be between 0 and 65535, got " + httpsPort);
      }
      if (httpsKeystore != null && !httpsHostNames.isEmpty()) {
        throw new IllegalArgumentException(
            "--https-host names what a made certificate covers; not with --https-keystore");
      }
      if (notifier == null) {
        notifier = new Slf4jNotifier(verbose);
      }
      return new RevokeEarnMock(this);
    }
  }
}
