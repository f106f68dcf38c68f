package dev.revokeearn.cli;

import com.github.tomakehurst.wiremock.common.FatalStartupException;
import dev.revokeearn.mock.LogLevels;
import dev.revokeearn.mock.RevokeEarnMock;
import dev.revokeearn.mock.http.OutOfMemory;
import dev.revokeearn.seed.SeedException;
import dev.revokeearn.state.StateConflict;
import dev.revokeearn.store.JdbcStateStore;
import dev.revokeearn.store.SqlStoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.BindException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The standalone mock: {@code java -jar revoke-earn-mock.jar [options]}. Exit codes: 0 after a
 * clean stop (SIGTERM or Ctrl-C), 1 when the server cannot start (port in use), 2 for bad options
 * or an unusable seed file or root directory.
 */
@Command(
    name = "revoke-earn-mock",
    mixinStandardHelpOptions = true,
    versionProvider = MockCommand.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Stateful mock of Capillary's Badges API revokeEarn (with earn and the OAuth token"
          + " endpoint), on WireMock.",
      "Answers like production: 200 for the first revoke of an active earn instance, 409/814"
          + " after. Admin API under /__admin (POST /__admin/reset restores the seed).",
      "Serving is the default; 'check' certifies a deployment against the contract (see"
          + " 'check --help')."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped cleanly (SIGTERM or Ctrl-C)",
      "1:the server could not start (e.g. the port is in use)",
      "2:bad options, or an unreadable or invalid seed file, root directory or keystore",
      "3:the mock ran out of memory"
    })
public final class MockCommand implements Callable<Integer> {
  static final int STARTUP_FAILED = 1;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description =
          "HTTP port; 0 picks a free one (printed). Default: REVOKE_EARN_PORT, else 8080.")
  int port = 8080;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description =
          "Address to listen on. Default: REVOKE_EARN_BIND, else 127.0.0.1 (this machine only).")
  String bind = "127.0.0.1";

  @Option(
      names = "--seed",
      paramLabel = "FILE",
      description =
          "Seed file (YAML or JSON): orgs, credentials, customers, badges, earn instances."
              + " Default: REVOKE_EARN_SEED, else the built-in demo seed.")
  Path seed;

  @Option(
      names = "--root-dir",
      paramLabel = "DIR",
      description =
          "WireMock root directory; its mappings/ holds extra static stubs, which win"
              + " over the reference implementation. Default: REVOKE_EARN_ROOT_DIR, else none.")
  Path rootDir;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Keep the whole state (orgs, credentials, customers, badges, earn instances) in a"
              + " SQLite database, DIR/state.db, each write committed before the answer. A"
              + " database that holds state keeps it at start; the seed goes only into an empty"
              + " one (POST /__admin/reset writes it back). Default: REVOKE_EARN_STATE_DIR, else"
              + " in memory.")
  Path stateDir;

  @Option(
      names = "--state-url",
      paramLabel = "JDBC_URL",
      description =
          "Keep the whole state in a PostgreSQL database that several mocks (replicas) share:"
              + " jdbc:postgresql://HOST:PORT/DATABASE. User and password from the URL, else the"
              + " PGUSER and PGPASSWORD environment variables. The schema is created or migrated at"
              + " start; the seed goes only into an empty database. Not with --state-dir. Default:"
              + " REVOKE_EARN_STATE_URL.")
  String stateUrl;

  @Option(
      names = "--state-pool-size",
      paramLabel = "N",
      description =
          "At most this many connections to PostgreSQL (--state-url), opened as needed; 1 to"
              + " 1000. Default: "
              + JdbcStateStore.DEFAULT_POOL_SIZE
              + ".")
  Integer statePoolSize;

  @Option(
      names = "--journal-entries",
      paramLabel = "N",
      description =
          "Requests kept in WireMock's request journal (0 turns it off). Default: ${DEFAULT-VALUE}.")
  int journalEntries = RevokeEarnMock.DEFAULT_JOURNAL_ENTRIES;

  @Option(
      names = "--admin-token",
      paramLabel = "TOKEN",
      description =
          "Require 'Authorization: Bearer TOKEN' on /__admin. Default: the"
              + " REVOKE_EARN_ADMIN_TOKEN environment variable (keeps it out of ps), else none.")
  String adminToken;

  @Option(
      names = "--admin-remote",
      description =
          "Let clients on other machines use /__admin (by default only this machine may,"
              + " whatever --bind says). Needs --admin-token (or REVOKE_EARN_ADMIN_TOKEN)."
              + " Default: REVOKE_EARN_ADMIN_REMOTE (true or false), else false.")
  boolean adminRemote;

  @Option(
      names = "--ready-file",
      paramLabel = "FILE",
      description =
          "Once the mock serves, write its base URL to FILE (a CI job waits for the file);"
              + " removed again on a clean stop.")
  Path readyFile;

  @Mixin HttpsOptions https = new HttpsOptions();

  @Option(
      names = "--verbose",
      description = "Log every request and WireMock's own messages (credentials redacted).")
  boolean verbose;

  /** A stop ends the process within this long, whatever hangs (a server thread, a database). */
  static final Duration STOP_DEADLINE = Duration.ofSeconds(10);

  private final CountDownLatch stopped = new CountDownLatch(1);
  private Map<String, String> env = Map.of();
  private EnvironmentDefaults defaults = new EnvironmentDefaults(Map.of());
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
  private PrintWriter out;
  private PrintWriter err;

  /** Guards what a stop must see whole: whether one was asked for, what serves, the ready file. */
  private final Object lifecycle = new Object();

  private boolean stopRequested;
  private RevokeEarnMock running;
  private boolean readyWritten;

  public static void main(String[] args) {
    MockCommand command = new MockCommand();
    // First of all: from here on, a stop at any moment is a clean one (exit 0, no ready file).
    StopSignals.onStop(command::stop);
    OutOfMemory.exitOnUncaught();
    // Picocli looks for Groovy closures when Groovy is on the classpath (REST Assured brings it,
    // for check); initialising Groovy's runtime costs start-up time and nothing here uses closures.
    System.setProperty("picocli.disable.closures", "true");
    if (args.length == 0 || !args[0].equals("check")) {
      WarmUp.inBackground();
    }
    System.exit(run(command, null, null, args));
  }

  /**
   * Parses, starts, waits for a stop signal; returns the exit code.
   *
   * @param out where the banner and help go; null for standard out
   * @param err where errors go; null for standard error
   */
  static int run(MockCommand command, PrintWriter out, PrintWriter err, String... args) {
    return run(command, System.getenv(), out, err, args);
  }

  /**
   * @param env the environment {@code check} reads credentials from
   */
  static int run(
      MockCommand command,
      Map<String, String> env,
      PrintWriter out,
      PrintWriter err,
      String... args) {
    command.env = env;
    command.defaults = new EnvironmentDefaults(env);
    CommandLine cli = new CommandLine(command);
    cli.setDefaultValueProvider(command.defaults);
    // Subcommands first: the streams and handlers set below reach those already added.
    cli.addSubcommand("check", check(env));
    cli.addSubcommand("verify-pact", verifyPact());
    if (out != null) {
      cli.setOut(out);
    }
    if (err != null) {
      cli.setErr(err);
    }
    command.out = cli.getOut();
    command.err = cli.getErr();
    cli.setParameterExceptionHandler(
        (ex, ignored) -> {
          command.err.println(
              "error: "
                  + ErrorLines.of(ex.getMessage())
                  + command.defaults.source(ex.getMessage(), null)
                  + didYouMean(ex)
                  + " (see --help)");
          return ErrorLines.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, ignored, parsed) -> {
          // One line, never a stack trace: what failed, in words a user can act on.
          command.err.println(
              "error: "
                  + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
          command.err.flush();
          return STARTUP_FAILED;
        });
    return cli.execute(args);
  }

  /**
   * "; did you mean --port?" for an option or subcommand spelled almost right (at most a third of
   * its letters wrong); else empty.
   */
  private static String didYouMean(CommandLine.ParameterException ex) {
    if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched)
        || unmatched.getUnmatched().isEmpty()) {
      return "";
    }
    String arg = unmatched.getUnmatched().get(0).split("=", 2)[0];
    CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
    List<String> names =
        arg.startsWith("-")
            ? spec.options().stream().flatMap(o -> Arrays.stream(o.names())).toList()
            : List.copyOf(spec.subcommands().keySet());
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : names) {
      int distance = distance(arg, name);
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance > 0 && bestDistance <= Math.max(1, best.length() / 3)
        ? "; did you mean " + best + "?"
        : "";
  }

  /** Levenshtein distance: letters added, removed or changed to make one word the other. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /**
   * The check subcommand; the main (library) artifact leaves it and its dependencies out, and says
   * where to find it.
   */
  private static CommandLine check(Map<String, String> env) {
    try {
      Method commandLine =
          Class.forName("dev.revokeearn.cli.CheckCommand")
              .getDeclaredMethod("commandLine", Map.class);
      return (CommandLine) commandLine.invoke(null, env);
    } catch (ReflectiveOperationException | LinkageError e) {
      return new CommandLine(new CheckUnavailable("check"));
    }
  }

  /** The verify-pact subcommand; like check, only the standalone jar has it. */
  private static CommandLine verifyPact() {
    try {
      Method commandLine =
          Class.forName("dev.revokeearn.pact.VerifyPactCommand").getDeclaredMethod("commandLine");
      return (CommandLine) commandLine.invoke(null);
    } catch (ReflectiveOperationException | LinkageError e) {
      return new CommandLine(new CheckUnavailable("verify-pact"));
    }
  }

  @Override
  public Integer call() {
    if (stopRequestedNow()) {
      return 0;
    }
    if (port < 0 || port > 65535) {
      return usage("--port must be between 0 and 65535, got " + port);
    }
    Optional<String> badBind = checkBind(bind);
    if (badBind.isPresent()) {
      return usage(badBind.get());
    }
    if (stateDir != null && stateUrl != null) {
      return usage("give --state-dir (SQLite) or --state-url (PostgreSQL), not both");
    }
    if (stateUrl == null && statePoolSize != null) {
      return usage("--state-pool-size goes with --state-url");
    }
    if (https.port != null && https.port != 0 && https.port == port && !https.only) {
      return usage("--https-port " + https.port + " is --port too: give them different ports");
    }
    if (https.only
        && spec != null
        && spec.commandLine().getParseResult().hasMatchedOption("--port")) {
      return usage(
          "--https-only serves no plain HTTP: leave --port out (the HTTPS port is --https-port)");
    }
    if (journalEntries < 0) {
      return usage("--journal-entries must be 0 or more, got " + journalEntries);
    }
    if (rootDir != null && !Files.isDirectory(rootDir)) {
      return usage("--root-dir " + rootDir + " is not a directory");
    }
    if (readyFile != null) {
      try {
        Files.deleteIfExists(readyFile); // a file left by an earlier run must not say "ready"
      } catch (IOException e) {
        return usage("--ready-file " + readyFile + " cannot be replaced: " + e.getMessage());
      }
    }
    LogLevels.standalone(verbose);
    long loadStart = System.nanoTime();
    RevokeEarnMock mock;
    try {
      RevokeEarnMock.Builder builder =
          RevokeEarnMock.builder()
              .port(port)
              .bindAddress(bind)
              .seedFile(seed)
              .rootDir(rootDir)
              .journalEntries(journalEntries)
              .stateDir(stateDir)
              .verbose(verbose)
              .adminToken(adminToken == null || adminToken.isBlank() ? null : adminToken)
              .adminRemote(adminRemote);
      https.applyTo(builder, env);
      if (stateUrl != null) {
        builder.postgres(
            stateUrl,
            env.get("PGUSER"),
            env.get("PGPASSWORD"),
            statePoolSize == null ? JdbcStateStore.DEFAULT_POOL_SIZE : statePoolSize);
      }
      mock = builder.build();
    } catch (SeedException | StateConflict | IllegalArgumentException e) {
      return usage(e.getMessage());
    } catch (IllegalStateException | UncheckedIOException | SqlStoreException e) {
      // Opening the state's database is the only thing here that fails this way.
      return usage(
          stateDir == null ? e.getMessage() : "--state-dir " + stateDir + ": " + e.getMessage());
    } catch (NoClassDefFoundError e) {
      return usage(
          "--state-url needs the standalone jar (revoke-earn-mock.jar), which has the driver");
    }
    if (stopRequestedNow()) {
      mock.close();
      return 0;
    }
    try {
      // Before the server answers anything: a client that polls until it answers finds the file.
      https.writeCertificate(mock);
    } catch (IOException e) {
      mock.close();
      return usage("--https-cert-out cannot be written: " + ErrorLines.of(e));
    }
    try {
      mock.start();
    } catch (FatalStartupException e) {
      mock.close();
      https.removeCertificate();
      err.println(
          "error: " + ErrorLines.of("cannot start on " + listening() + ": " + startupProblem(e)));
      err.flush();
      return STARTUP_FAILED;
    }
    // Everything the banner says is read before the mock is announced: once it is, a stop may
    // close it at any moment.
    String banner = banner(mock, (System.nanoTime() - loadStart) / 1_000_000);
    synchronized (lifecycle) {
      if (stopRequested) {
        mock.close(); // stopped while starting: nothing was announced
        return 0;
      }
      // The file first: whoever reads "ready at" in the output finds the file there too.
      if (readyFile != null) {
        try {
          ReadyFile.write(readyFile, mock.baseUrl());
        } catch (IOException e) {
          mock.close();
          return usage("--ready-file " + readyFile + " cannot be written: " + e.getMessage());
        }
        readyWritten = true;
      }
      running = mock;
    }
    out.println(banner);
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private String banner(RevokeEarnMock mock, long loadMillis) {
    String seedName = seed == null ? "built-in demo" : seed.toString();
    return Banner.text(
            mock.baseUrl(), https.bannerLine(mock), seed == null, new Version().version())
        + "\n"
        + (mock.state().seeding().seededAtStart()
            ? "Seed: " + seedName + " loaded; "
            : "Seed: "
                + seedName
                + " checked, not applied: the database holds a seed already (POST"
                + " /__admin/reset writes this one); ")
        + mock.state().orgIds().size()
        + " org(s), "
        + mock.state().earnCount()
        + " earn instance(s); started in "
        + loadMillis
        + " ms";
  }

  /**
   * Stops the server and lets {@link #call()} return 0, at any moment: before the mock is
   * announced, {@link #call()} sees the request and stops it itself.
   */
  void stop() {
    RevokeEarnMock mock;
    boolean removeReadyFile;
    synchronized (lifecycle) {
      if (stopRequested) {
        return;
      }
      stopRequested = true;
      mock = running;
      removeReadyFile = readyWritten;
    }
    Thread watchdog = StopSignals.watchdog(STOP_DEADLINE);
    try {
      if (mock != null) {
        mock.close();
      }
      if (removeReadyFile) {
        ReadyFile.remove(readyFile);
      }
    } finally {
      watchdog.interrupt();
      stopped.countDown();
    }
  }

  private boolean stopRequestedNow() {
    synchronized (lifecycle) {
      return stopRequested;
    }
  }

  private int usage(String problem) {
    return ErrorLines.usage(
        err,
        problem
            + defaults.source(problem, spec == null ? null : spec.commandLine().getParseResult()));
  }

  /** Where the mock was to listen: its HTTP port, its HTTPS port, or both. */
  private String listening() {
    String http = bind + ":" + port + " (HTTP)";
    if (https.port == null) {
      return bind + ":" + port;
    }
    String secure = bind + ":" + https.port + " (HTTPS)";
    return https.only ? secure : http + " or " + secure;
  }

  private static String startupProblem(Throwable e) {
    Throwable root = e;
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        return "a port is already in use (or the address is not on this machine); pick another"
            + " with --port (--https-port), or 0 for a free one";
      }
      root = cause;
    }
    // The root cause's own words, without the exception names WireMock prefixes them with.
    String message = root.getMessage() == null ? "no reason given" : root.getMessage();
    return message.replaceAll("(?:[a-z]+\\.)+[A-Za-z]*(?:Exception|Error): ", "");
  }

  /** The address to listen on must be one of this machine's (or 0.0.0.0 / :: for all). */
  private static Optional<String> checkBind(String address) {
    if (address.isBlank()) {
      return Optional.of("--bind needs an address of this machine, e.g. 127.0.0.1 or 0.0.0.0");
    }
    try {
      InetAddress inet = InetAddress.getByName(address);
      if (inet.isAnyLocalAddress() || NetworkInterface.getByInetAddress(inet) != null) {
        return Optional.empty();
      }
      return Optional.of("--bind " + address + " is not an address of this machine");
    } catch (UnknownHostException e) {
      return Optional.of("--bind " + address + " is neither an IP address nor a known host name");
    } catch (SocketException e) {
      return Optional.of("--bind " + address + ": " + e.getMessage());
    }
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"revoke-earn-mock " + version()};
    }

    String version() {
      String version = MockCommand.class.getPackage().getImplementationVersion();
      return version == null ? "(development build)" : version;
    }
  }
}
