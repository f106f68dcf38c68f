package dev.revokeearn.conformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.revokeearn.conformance.result.ConformanceReports;
import dev.revokeearn.conformance.result.ConformanceResult;
import dev.revokeearn.conformance.result.ContractCoverage;
import dev.revokeearn.conformance.result.FailureGroups;
import dev.revokeearn.conformance.result.ScenarioResult;
import dev.revokeearn.gate.Contract;
import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the conformance features packed in the jar against one target, through the JUnit Platform
 * Launcher and the Cucumber engine. Everything the run needs is given here: the target (bound to
 * the executing thread, see {@link ConformanceRun}) and the options; no system property or
 * classpath properties file can change what is checked.
 *
 * <pre>{@code
 * ConformanceResult result = new ConformanceRunner()
 *     .run(target, new ConformanceRunner.Options(Optional.empty(), Path.of("report"), out));
 * }</pre>
 */
public final class ConformanceRunner {
  /** Where the build packs {@code features/}. */
  public static final String FEATURES_PACKAGE = "dev.revokeearn.conformance.features";

  private static final String GLUE_PACKAGE = "dev.revokeearn.conformance.glue";

  /** How long the whole run may take, by default. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  /** How long one request may take, sending to the last byte of the answer, by default. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /**
   * @param tags a Cucumber tag expression selecting scenarios, e.g. {@code not @assumption}; {@link
   *     #run} throws {@code TagExpressionException} when it does not parse
   * @param reportDir where the Cucumber HTML/JSON, JUnit XML and coverage reports go
   * @param minCoverage the share of the contract's answers (percent) below which the run fails
   * @param out where the target, progress (one line per scenario) and the summary go
   * @param timeout how long the whole run may take; then it stops, and fails
   * @param requestTimeout how long one request may take, sending to the last byte of the answer
   */
  public record Options(
      Optional<String> tags,
      Path reportDir,
      double minCoverage,
      PrintWriter out,
      Duration timeout,
      Duration requestTimeout) {
    public Options(Path reportDir, PrintWriter out) {
      this(Optional.empty(), reportDir, 0, out, DEFAULT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }
  }

  private volatile ConformanceRun current;
  private volatile String stopRequest;

  /**
   * Stops the run under way (or the next one, at its start): requests in flight are aborted,
   * scenarios not started are not run, and the reports are still written. The run then fails.
   */
  public void stop(String reason) {
    stopRequest = reason;
    ConformanceRun run = current;
    if (run != null) {
      run.stop(reason);
    }
  }

  /**
   * Runs the features against the target, printing the target first and last, and writes the
   * reports. The run passes when no scenario failed, one passed, and the coverage is reached.
   *
   * @param description what the target is, printed beside its URL (e.g. "deployment")
   */
  public ConformanceResult run(ConformanceTarget target, String description, Options options) {
    PrintWriter out = options.out();
    out.println("Conformance check of " + target.baseUrl() + " (" + description + ")");
    out.flush();
    ConformanceResult result = execute(target, options);
    if (result.scenarios().isEmpty()) {
      return result; // nothing ran: the caller says why (a tag expression that selects nothing)
    }
    ConformanceReports.write(result, options.minCoverage(), options.reportDir());
    ConformanceReports.printSummary(result, options.minCoverage(), options.reportDir(), out);
    out.println(
        "Target "
            + target.baseUrl()
            + ": "
            + (result.passed(options.minCoverage()) ? "PASSED" : "FAILED")
            + (result.count(ScenarioResult.Status.PASSED) == 0 ? " (no scenario passed)" : ""));
    out.flush();
    return result;
  }

  private ConformanceResult execute(ConformanceTarget target, Options options) {
    try {
      Files.createDirectories(options.reportDir());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the report directory " + options.reportDir(), e);
    }
    ConformanceRun run =
        new ConformanceRun(target, ContractCoverage.of(Contract.text()), options.requestTimeout());
    current = run;
    if (stopRequest != null) {
      run.stop(stopRequest);
    }
    ScheduledExecutorService clock =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "conformance-timeout");
              thread.setDaemon(true);
              return thread;
            });
    clock.schedule(
        () ->
            run.stop("the run's time, --timeout " + options.timeout().toSeconds() + " s, ran out"),
        options.timeout().toMillis(),
        TimeUnit.MILLISECONDS);
    Progress progress = new Progress(options.out(), run);
    Launcher launcher =
        LauncherFactory.create(
            LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
    LauncherDiscoveryRequest request = request(options);
    try {
      run.bind(
          () -> {
            launcher.execute(request, progress);
            return null;
          });
    } finally {
      clock.shutdownNow();
      current = null;
    }
    return new ConformanceResult(
        target.baseUrl(),
        progress.results,
        run.coverage().report(),
        run.stopped(),
        Optional.empty());
  }

  private static LauncherDiscoveryRequest request(Options options) {
    Path dir = options.reportDir();
    LauncherDiscoveryRequestBuilder request =
        LauncherDiscoveryRequestBuilder.request()
            .enableImplicitConfigurationParameters(false)
            .selectors(selectPackage(FEATURES_PACKAGE))
            .filters(EngineFilter.includeEngines("cucumber"))
            .configurationParameter("cucumber.glue", GLUE_PACKAGE)
            .configurationParameter("cucumber.publish.quiet", "true")
            // Outline rows are named by their scenario name with the example's values filled in.
            .configurationParameter("cucumber.junit-platform.naming-strategy", "short")
            .configurationParameter(
                "cucumber.junit-platform.naming-strategy.short.example-name", "pickle")
            .configurationParameter(
                "cucumber.plugin",
                FailedSteps.class.getName()
                    + ", html:"
                    + dir.resolve("cucumber.html")
                    + ", json:"
                    + dir.resolve("cucumber.json")
                    + ", junit:"
                    + dir.resolve("cucumber-junit.xml"));
    // Scenarios the tags do not select are left out of the run, not reported as skipped.
    options
        .tags()
        .ifPresent(tags -> request.filters(new ScenarioTags(TagExpressionParser.parse(tags))));
    return request.build();
  }

  /** Keeps the scenarios whose tags (Cucumber's, as JUnit test tags without the @) match. */
  private record ScenarioTags(Expression expression) implements PostDiscoveryFilter {
    @Override
    public FilterResult apply(TestDescriptor descriptor) {
      if (!descriptor.isTest()) {
        return FilterResult.included("a container");
      }
      List<String> tags = descriptor.getTags().stream().map(tag -> "@" + tag.getName()).toList();
      return FilterResult.includedIf(expression.evaluate(tags));
    }
  }

  /**
   * Prints one line per finished scenario and keeps its result; for a failure, the step and what
   * was expected and came, once per cause.
   */
  private static final class Progress implements TestExecutionListener {
    private final PrintWriter out;
    private final ConformanceRun run;
    private final List<ScenarioResult> results = new ArrayList<>();
    private final java.util.Map<String, String> causesSeen = new java.util.HashMap<>();

    Progress(PrintWriter out, ConformanceRun run) {
      this.out = out;
      this.run = run;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
      out.println("  " + plan.countTestIdentifiers(TestIdentifier::isTest) + " scenarios");
      out.flush();
    }

    @Override
    public void executionStarted(TestIdentifier id) {
      if (id.isTest()) {
        run.takeFailedStep(); // a step of an earlier scenario is no concern of this one
      }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
      if (id.isTest()) {
        add(id, ScenarioResult.Status.SKIPPED, reason, null);
      }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
      if (!id.isTest()) {
        return;
      }
      String message = result.getThrowable().map(Throwable::getMessage).orElse(null);
      switch (result.getStatus()) {
        case SUCCESSFUL -> add(id, ScenarioResult.Status.PASSED, null, null);
        case ABORTED -> add(id, ScenarioResult.Status.SKIPPED, message, null);
        case FAILED ->
            add(
                id,
                ScenarioResult.Status.FAILED,
                message == null ? result.getThrowable().map(Object::toString).orElse("") : message,
                run.takeFailedStep());
      }
    }

    private void add(TestIdentifier id, ScenarioResult.Status status, String message, String step) {
      ScenarioResult result =
          new ScenarioResult(location(id.getSource()), id.getDisplayName(), status, message, step);
      results.add(result);
      out.printf("  %-7s %-24s %s%n", status, result.location(), result.name());
      if (status == ScenarioResult.Status.FAILED) {
        String first = causesSeen.putIfAbsent(FailureGroups.cause(result), result.location());
        if (first == null) {
          if (step != null) {
            out.println("          " + step);
          }
          out.println("          " + result.shortMessage());
        } else {
          out.println("          the same failure as " + first);
        }
      }
      out.flush();
    }
  }

  private static String location(Optional<TestSource> source) {
    if (source.isEmpty()) {
      return "";
    }
    if (source.get() instanceof ClasspathResourceSource resource) {
      return fileName(resource.getClasspathResourceName()) + line(resource.getPosition());
    }
    if (source.get() instanceof FileSource file) {
      return file.getFile().getName() + line(file.getPosition());
    }
    return source.get().toString();
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String line(Optional<FilePosition> position) {
    return position.map(p -> ":" + p.getLine()).orElse("");
  }
}
