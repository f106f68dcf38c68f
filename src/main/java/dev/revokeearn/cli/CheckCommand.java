package dev.revokeearn.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.revokeearn.conformance.ConformanceResult;
import dev.revokeearn.conformance.ConformanceRunner;
import dev.revokeearn.conformance.ConformanceTarget;
import dev.revokeearn.conformance.EmbeddedMock;
import dev.revokeearn.conformance.TestData;
import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code check}: certifies a deployment (or, without {@code --base-url}, the mock in this jar)
 * against the contract by running the packed conformance features. Credentials come from the
 * environment only, so they stay out of {@code ps} and shell history.
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
          + " password; the suite sends its MD5, as Capillary wants), and optionally CAP_OAUTH_KEY"
          + " and CAP_OAUTH_SECRET (the OAuth scenarios are skipped without them)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every scenario that ran passed, and coverage is at least --min-coverage",
      "1:a scenario failed, no scenario passed, or coverage is below --min-coverage",
      "2:bad usage, missing credentials, or a target that cannot be reached at all"
    })
final class CheckCommand implements Callable<Integer> {
  static final int FAILED = 1;
  static final int USAGE = 2;

  @Spec CommandSpec spec;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "The deployment to check, e.g. https://eu.api.capillarytech.com. Default: the mock in"
              + " this jar.")
  String baseUrl;

  @Option(
      names = "--data",
      paramLabel = "FILE",
      description =
          "Test data as YAML or JSON, with the keys badgeMetaId, otherBadgeMetaId, customerId,"
              + " email, mobile, externalId, cardNumber, otherCustomerId, ownerType, referenceId."
              + " Flags below win over the file; anything not given is the demo seed's.")
  Path dataFile;

  @Option(
      names = "--badge-meta-id",
      paramLabel = "ID",
      description = "A live badge of earn type EARN, claimed by the owner below.")
  String badgeMetaId;

  @Option(
      names = "--other-badge-meta-id",
      paramLabel = "ID",
      description = "Any other badge of the org.")
  String otherBadgeMetaId;

  @Option(
      names = "--customer-id",
      paramLabel = "ID",
      description = "A customer of the org (numeric id).")
  String customerId;

  @Option(names = "--email", description = "That customer's email.")
  String email;

  @Option(names = "--mobile", description = "That customer's mobile number.")
  String mobile;

  @Option(names = "--external-id", paramLabel = "ID", description = "That customer's external id.")
  String externalId;

  @Option(
      names = "--card-number",
      paramLabel = "NUMBER",
      description = "One of that customer's card numbers.")
  String cardNumber;

  @Option(
      names = "--other-customer-id",
      paramLabel = "ID",
      description = "Another customer of the org.")
  String otherCustomerId;

  @Option(
      names = "--owner-type",
      paramLabel = "TYPE",
      description = "The owner that claimed the badge (e.g. Loyalty).")
  String ownerType;

  @Option(
      names = "--reference-id",
      paramLabel = "ID",
      description = "The owner's referenceId in that claim.")
  String referenceId;

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

  private final Map<String, String> env;

  CheckCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Logging.configure(false);
    if (tags != null) {
      try {
        TagExpressionParser.parse(tags);
      } catch (TagExpressionException e) {
        return usage(err, "--tags " + tags + ": " + e.getMessage());
      }
    }
    if (minCoverage < 0 || minCoverage > 100) {
      return usage(err, "--min-coverage must be between 0 and 100, got " + minCoverage);
    }
    TestData data;
    try {
      data = TestData.from(key -> values().get(key));
    } catch (IllegalArgumentException | IllegalStateException e) {
      return usage(err, e.getMessage());
    }
    if (baseUrl == null) {
      try (EmbeddedMock mock = EmbeddedMock.start()) {
        return check(mock.target(data), "the mock in this jar, demo seed", out);
      }
    }
    Optional<String> bad = checkUrl(baseUrl);
    if (bad.isPresent()) {
      return usage(err, bad.get());
    }
    ConformanceTarget target = ConformanceTarget.live(baseUrl, env, data);
    if (target.basic().isEmpty()) {
      return usage(
          err,
          "set "
              + ConformanceTarget.USERNAME
              + " and "
              + ConformanceTarget.PASSWORD
              + " (a till of the org, plain password) to check "
              + target.baseUrl());
    }
    Optional<String> unreachable = unreachable(target.baseUrl());
    if (unreachable.isPresent()) {
      return usage(err, "cannot reach " + target.baseUrl() + ": " + unreachable.get());
    }
    return check(target, "deployment", out);
  }

  private int check(ConformanceTarget target, String kind, PrintWriter out) {
    ConformanceRunner.Options options =
        new ConformanceRunner.Options(Optional.ofNullable(tags), reportDir, minCoverage, out);
    ConformanceResult result;
    try {
      result = new ConformanceRunner().run(target, kind, options);
    } catch (java.io.UncheckedIOException e) {
      return usage(spec.commandLine().getErr(), e.getMessage());
    }
    if (result.scenarios().isEmpty()) {
      return usage(spec.commandLine().getErr(), "--tags " + tags + " selects no scenario");
    }
    return result.passed(minCoverage) ? 0 : FAILED;
  }

  /** The data file's values, then the flags over them. */
  private Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    if (dataFile != null) {
      values.putAll(readDataFile(dataFile));
    }
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("badgeMetaId", badgeMetaId);
    flags.put("otherBadgeMetaId", otherBadgeMetaId);
    flags.put("customerId", customerId);
    flags.put("email", email);
    flags.put("mobile", mobile);
    flags.put("externalId", externalId);
    flags.put("cardNumber", cardNumber);
    flags.put("otherCustomerId", otherCustomerId);
    flags.put("ownerType", ownerType);
    flags.put("referenceId", referenceId);
    flags.forEach(
        (key, value) -> {
          if (value != null) {
            values.put(key, value);
          }
        });
    return values;
  }

  private static Map<String, String> readDataFile(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException("--data " + file + " does not exist or is not readable");
    }
    Map<?, ?> raw;
    try {
      raw = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Map.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "--data " + file + ": " + e.getOriginalMessage().replaceAll("\\s+", " "));
    } catch (IOException e) {
      throw new IllegalArgumentException("--data " + file + " cannot be read: " + e.getMessage());
    }
    Map<String, String> values = new LinkedHashMap<>();
    if (raw == null) {
      return values;
    }
    raw.forEach(
        (key, value) -> {
          if (!TestData.DEFAULTS.containsKey(String.valueOf(key))) {
            throw new IllegalArgumentException(
                "--data "
                    + file
                    + ": unknown key "
                    + key
                    + "; the keys are "
                    + String.join(", ", TestData.DEFAULTS.keySet()));
          }
          if (value instanceof Map || value instanceof Iterable) {
            throw new IllegalArgumentException(
                "--data " + file + ": " + key + " must be a single value");
          }
          values.put(String.valueOf(key), value == null ? null : String.valueOf(value));
        });
    return values;
  }

  private static Optional<String> checkUrl(String url) {
    try {
      URI uri = new URI(url.strip());
      if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          || uri.getHost() == null) {
        return Optional.of("--base-url must be an http or https URL with a host, got " + url);
      }
      return Optional.empty();
    } catch (java.net.URISyntaxException e) {
      return Optional.of("--base-url is not a URL: " + e.getMessage());
    }
  }

  /** Why the target answers nothing at all; empty when it answers anything, even an error. */
  private static Optional<String> unreachable(String baseUrl) {
    String host = URI.create(baseUrl).getHost();
    try {
      java.net.InetAddress.getByName(host);
    } catch (java.net.UnknownHostException e) {
      return Optional.of("unknown host " + host);
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    try {
      http.send(
          HttpRequest.newBuilder(URI.create(baseUrl + "/"))
              .timeout(Duration.ofSeconds(20))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.discarding());
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
    if (e instanceof java.net.UnknownHostException
        || e.getCause() instanceof java.net.UnknownHostException) {
      return "unknown host" + detail;
    }
    if (e instanceof javax.net.ssl.SSLException) {
      return "TLS handshake failed" + detail;
    }
    return "no HTTP answer" + detail;
  }

  private static int usage(PrintWriter err, String problem) {
    err.println("error: " + problem);
    err.flush();
    return USAGE;
  }
}
