package dev.revokeearn.cli;

import dev.revokeearn.conformance.ConformanceRunner;
import dev.revokeearn.conformance.ConformanceTarget;
import dev.revokeearn.conformance.EmbeddedMock;
import dev.revokeearn.conformance.TestData;
import dev.revokeearn.conformance.Trust;
import dev.revokeearn.conformance.result.ConformanceReports;
import dev.revokeearn.conformance.result.ConformanceResult;
import dev.revokeearn.mock.LogLevels;
import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code check}: certifies a deployment (or, without {@code --base-url}, the mock in this jar)
 * against the contract by running the packed conformance features. Credentials come from the
 * environment only, so they stay out of {@code ps} and shell history. Everything that can be
 * checked before the run is checked first: a run starts only when it can end with a verdict.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = MockCommand.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Runs the conformance features packed in this jar against a deployment of Capillary's"
          + " Badges API and validates every response against the contract.",
      "Without --base-url it checks the mock in this jar (started in-process with the demo seed).",
      "",
      "Credentials come from the environment only: CAP_USERNAME and CAP_PASSWORD (the till's plain"
          + " password; the suite sends its MD5, as Capillary wants), and optionally both"
          + " CAP_OAUTH_KEY and CAP_OAUTH_SECRET (the OAuth scenarios are skipped without them)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every scenario that ran passed, and coverage is at least --min-coverage",
      "1:a scenario failed, none passed, coverage is below --min-coverage, or the run was stopped"
          + " (--timeout, SIGTERM, Ctrl-C)",
      "2:bad usage, missing credentials, a target that cannot be reached at all, or reports that"
          + " cannot be written"
    })
final class CheckCommand implements Callable<Integer> {
  /** The command, with one flag per piece of test data ({@link TestData.Key}) beside its own. */
  static CommandLine commandLine(Map<String, String> env) {
    CommandLine check = new CommandLine(new CheckCommand(env));
    for (TestData.Key key : TestData.Key.values()) {
      check
          .getCommandSpec()
          .addOption(
              OptionSpec.builder(key.flag())
                  .paramLabel(key.label())
                  .description(key.description())
                  .type(String.class)
                  .build());
    }
    return check;
  }

  static final int FAILED = 1;

  /** A data file is a few lines; anything far larger is a mistake, not data. */
  private static final long MAX_DATA_BYTES = 64 * 1024;

  @Spec CommandSpec spec;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "The deployment to check, e.g. https://eu.api.capillarytech.com. Default: the mock in"
              + " this jar.")
  String baseUrl;

  @Option(
      names = "--ca-file",
      paramLabel = "FILE",
      description =
          "Trust the certificates in this PEM file on an https:// base URL, besides this Java's"
              + " own (the mock's --https-cert-out file, a company CA).")
  Path caFile;

  @Option(
      names = "--data",
      paramLabel = "FILE",
      description =
          "Test data as YAML or JSON, with the keys of the test data flags below (badgeMetaId"
              + " for --badge-meta-id, ...). Values are read as written (0123 stays 0123). The"
              + " flags win over the file; anything not given is the demo seed's.")
  Path dataFile;

  @Option(
      names = "--tags",
      paramLabel = "EXPR",
      description = "A Cucumber tag expression selecting scenarios, e.g. 'not @assumption'.")
  String tags;

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      description =
          "Where report.html, Cucumber's HTML and JSON, JUnit XML and coverage.json go."
              + " Default: ${DEFAULT-VALUE}.")
  Path reportDir = Path.of("conformance-report");

  @Option(
      names = "--min-coverage",
      paramLabel = "PCT",
      description =
          "Fail when fewer than PCT percent of the contract's documented answers were received"
              + " and valid. Default: ${DEFAULT-VALUE}.")
  double minCoverage = 0;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description =
          "The most the whole run may take; then it stops, writes its reports and fails."
              + " Default: ${DEFAULT-VALUE}.")
  long timeoutSeconds = ConformanceRunner.DEFAULT_TIMEOUT.toSeconds();

  @Option(
      names = "--request-timeout",
      paramLabel = "SECONDS",
      description =
          "The most one request may take, from sending it to the last byte of the answer."
              + " Default: ${DEFAULT-VALUE}.")
  long requestTimeoutSeconds = ConformanceRunner.DEFAULT_REQUEST_TIMEOUT.toSeconds();

  private final Map<String, String> env;

  CheckCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    LogLevels.standalone(false);
    PrintWriter err = spec.commandLine().getErr();
    Optional<String> problem = checkOptions();
    if (problem.isPresent()) {
      return ErrorLines.usage(err, problem.get());
    }
    TestData data;
    try {
      data = TestData.from(key -> values().get(key));
    } catch (IllegalArgumentException e) {
      return ErrorLines.usage(err, e.getMessage());
    }
    if (baseUrl == null) {
      try (EmbeddedMock mock = EmbeddedMock.start()) {
        return check(mock.target(data), "the mock in this jar, demo seed");
      }
    }
    Optional<String> bad = checkUrl(baseUrl);
    if (bad.isPresent()) {
      return ErrorLines.usage(err, bad.get());
    }
    ConformanceTarget target = ConformanceTarget.live(baseUrl, env, data);
    if (caFile != null) {
      try {
        target = target.trusting(Trust.withCaFile(caFile));
      } catch (IllegalArgumentException e) {
        return ErrorLines.usage(err, "--ca-file: " + e.getMessage());
      }
    }
    if (target.basic().isEmpty()) {
      return ErrorLines.usage(
          err,
          "set "
              + ConformanceTarget.USERNAME
              + " and "
              + ConformanceTarget.PASSWORD
              + " (a till of the org, plain password) to check "
              + target.baseUrl());
    }
    Optional<String> unreachable = Reachability.problem(target.baseUrl(), target.trust());
    if (unreachable.isPresent()) {
      return ErrorLines.usage(err, "cannot reach " + target.baseUrl() + ": " + unreachable.get());
    }
    Optional<String> refused =
        CredentialsProbe.problem(
            target, target.basic().get(), Duration.ofSeconds(requestTimeoutSeconds));
    if (refused.isPresent()) {
      return ErrorLines.usage(err, refused.get());
    }
    return check(target, "deployment");
  }

  private int check(ConformanceTarget target, String kind) {
    PrintWriter out = spec.commandLine().getOut();
    ConformanceRunner runner = new ConformanceRunner();
    // SIGTERM (a CI job's timeout) or Ctrl-C: stop, but still write the reports and the verdict.
    StopSignals.onStop(() -> runner.stop("stopped by a signal (SIGTERM or Ctrl-C)"));
    ConformanceRunner.Options options =
        new ConformanceRunner.Options(
            Optional.ofNullable(tags),
            reportDir,
            minCoverage,
            out,
            Duration.ofSeconds(timeoutSeconds),
            Duration.ofSeconds(requestTimeoutSeconds));
    ConformanceResult result = runner.run(target, kind, options);
    PrintWriter err = spec.commandLine().getErr();
    if (result.scenarios().isEmpty()) {
      return ErrorLines.usage(err, "--tags " + tags + " selects no scenario");
    }
    if (result.reportProblem().isPresent()) {
      return ErrorLines.usage(
          err, "the reports could not be written: " + result.reportProblem().get());
    }
    return result.passed(minCoverage) ? 0 : FAILED;
  }

  /** Every option that can be wrong, checked before anything runs. */
  private Optional<String> checkOptions() {
    if (tags != null) {
      try {
        TagExpressionParser.parse(tags);
      } catch (TagExpressionException e) {
        return Optional.of("--tags " + tags + ": " + e.getMessage());
      }
    }
    if (Double.isNaN(minCoverage) || minCoverage < 0 || minCoverage > 100) {
      return Optional.of("--min-coverage must be a number from 0 to 100, got " + minCoverage);
    }
    if (timeoutSeconds <= 0 || requestTimeoutSeconds <= 0) {
      return Optional.of("--timeout and --request-timeout must be positive numbers of seconds");
    }
    boolean key = present(env.get(ConformanceTarget.OAUTH_KEY));
    boolean secret = env.get(ConformanceTarget.OAUTH_SECRET) != null;
    if (key != secret) {
      return Optional.of(
          "set both "
              + ConformanceTarget.OAUTH_KEY
              + " and "
              + ConformanceTarget.OAUTH_SECRET
              + ", or neither (the OAuth scenarios are then skipped)");
    }
    return checkReportDir();
  }

  /** The report directory exists (or can be made) and every report in it can be written. */
  private Optional<String> checkReportDir() {
    if (reportDir.toString().isBlank()) {
      return Optional.of("--report-dir is empty");
    }
    if (Files.exists(reportDir) && !Files.isDirectory(reportDir)) {
      return Optional.of("--report-dir " + reportDir + " is a file, not a directory");
    }
    try {
      Files.createDirectories(reportDir);
      Path probe = Files.createTempFile(reportDir, ".check", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      return Optional.of(
          "--report-dir " + reportDir + " cannot be written: " + ErrorLines.of(e.toString()));
    }
    for (String report : ConformanceReports.FILES) {
      if (Files.isDirectory(reportDir.resolve(report))) {
        return Optional.of(
            "--report-dir "
                + reportDir
                + " holds a directory named "
                + report
                + "; a report goes there");
      }
    }
    return Optional.empty();
  }

  /** The data file's values, then the flags over them. */
  private Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    if (dataFile != null) {
      values.putAll(readDataFile(dataFile));
    }
    for (TestData.Key key : TestData.Key.values()) {
      String flag = spec.findOption(key.flag()).getValue();
      if (flag != null) {
        values.put(key.key(), flag);
      }
    }
    return values;
  }

  private static Map<String, String> readDataFile(Path file) {
    String at = "--data " + file;
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException(at + " does not exist or is not readable");
    }
    try {
      if (Files.size(file) > MAX_DATA_BYTES) {
        throw new IllegalArgumentException(
            at + " is larger than " + MAX_DATA_BYTES / 1024 + " KiB; a data file is a few lines");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return DataFiles.read(in, at, TestData.DEFAULTS.keySet());
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(at + " cannot be read: " + e.getMessage());
    }
  }

  private static Optional<String> checkUrl(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return Optional.of("--base-url is not a URL: " + e.getMessage());
    }
    if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
        || uri.getHost() == null) {
      return Optional.of("--base-url must be an http or https URL with a host, got " + url);
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of(
          "--base-url must not carry credentials (user:password@): they would show in the"
              + " reports; set CAP_USERNAME and CAP_PASSWORD instead");
    }
    return Optional.empty();
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  /** Whether a base URL answers anything at all, without waiting for a whole answer. */
  static final class Reachability {
    private Reachability() {}

    /** Why the target answers nothing; empty when it answers (even an error). */
    static Optional<String> problem(String baseUrl, Trust trust) {
      String host = URI.create(baseUrl).getHost();
      try {
        java.net.InetAddress.getByName(host);
      } catch (java.net.UnknownHostException e) {
        return Optional.of("unknown host " + host);
      }
      HttpClient http =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .sslContext(trust.sslContext())
              .build();
      try {
        // The status line and headers are enough: the body is not read, so a server that sends
        // it a byte at a time cannot hold this up.
        HttpResponse<InputStream> answer =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/"))
                    .timeout(Duration.ofSeconds(20))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        answer.body().close();
        return Optional.empty();
      } catch (IOException e) {
        return Optional.of(describe(e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.of("interrupted");
      } catch (IllegalArgumentException e) {
        return Optional.of(e.getMessage());
      }
    }

    private static String describe(IOException e) {
      String detail =
          e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + e.getMessage() + ")";
      if (e instanceof java.net.http.HttpTimeoutException) {
        return "no answer in time" + detail;
      }
      if (e instanceof java.net.ConnectException) {
        return "connection refused" + detail;
      }
      if (e instanceof javax.net.ssl.SSLException) {
        return "TLS handshake failed"
            + detail
            + (detail.contains("PKIX")
                ? "; the server's certificate is not trusted: give its CA (for the mock, its"
                    + " --https-cert-out file) with --ca-file FILE"
                : "");
      }
      return "no HTTP answer" + detail;
    }
  }
}
