package dev.revokeearn.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.conformance.result.ConformanceResult;
import dev.revokeearn.conformance.result.ContractCoverage;
import dev.revokeearn.conformance.result.ScenarioResult;
import dev.revokeearn.seed.DemoSeed;
import dev.revokeearn.testing.BrokenDeployment;
import dev.revokeearn.testing.BrokenDeployment.Breakage;
import dev.revokeearn.testing.TricklingServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tests of the tests: the suite, given its target explicitly, passes the reference mock and
 * fails deployments that each break one thing. No test here touches a system property.
 */
class ConformanceSelfTest {
  static EmbeddedMock mock;
  @TempDir Path reports;
  final StringWriter log = new StringWriter();

  @BeforeAll
  static void startTheMock() {
    mock = EmbeddedMock.start();
  }

  @AfterAll
  static void stopTheMock() {
    mock.close();
  }

  @Test
  void theEmbeddedMockPassesEveryScenarioAndCoversTheWholeContract() {
    ConformanceResult result = run(mock.target(TestData.defaultData()));

    assertThat(result.failures()).as(log.toString()).isEmpty();
    assertThat(result.count(ScenarioResult.Status.SKIPPED)).as(log.toString()).isZero();
    assertThat(result.coverage().items())
        .as("every documented answer, received and valid")
        .allMatch(ContractCoverage.Seen::covered);
    assertThat(result.coverage().undocumented()).isEmpty();
    assertThat(reports.resolve("coverage.json")).isRegularFile();
    assertThat(reports.resolve("report.html")).isRegularFile();
    assertThat(reports.resolve("cucumber.json")).isRegularFile();
  }

  /** What a run against a deployment can reach: all but what needs the mock's own controls. */
  @Test
  void aLiveRunSkipsOnlyMockOnlyScenariosAndLeavesTheirAnswersUncovered() {
    ConformanceResult result = run(asDeployment(mock.baseUrl()));

    assertThat(result.failures()).as(log.toString()).isEmpty();
    assertThat(result.skipReasons().keySet()).allMatch(reason -> reason.startsWith("mock-only"));
    assertThat(
            result.coverage().items().stream()
                .filter(seen -> !seen.covered())
                .map(seen -> seen.item().toString()))
        .containsExactlyInAnyOrder(
            "revokeEarn 401 code 498",
            "revokeEarn 403 code 4000",
            "earnBadge 401 code 498",
            "earnBadge 403 code 4000",
            "earnBadge 409 code 811",
            "earnBadge 409 code 815");
  }

  @ParameterizedTest
  @EnumSource(Breakage.class)
  void aDeploymentThatBreaksOneThingFailsTheScenariosThatCheckIt(Breakage breakage)
      throws Exception {
    try (BrokenDeployment broken = BrokenDeployment.start(mock.baseUrl(), breakage)) {
      ConformanceResult result = run(asDeployment(broken.baseUrl()));

      assertThat(result.passed()).isFalse();
      Map<String, String> failed =
          result.failures().stream()
              .collect(
                  Collectors.toMap(ScenarioResult::name, ScenarioResult::message, (a, b) -> a));
      switch (breakage) {
        case NEVER_814 ->
            assertThat(failed)
                .containsKeys(
                    "Revoking the same earn instance twice",
                    "Revoking an earn instance that does not exist")
                .doesNotContainKey("Revoke naming the customer by the numeric customer id");
        case CUSTOMER_ID_AS_STRING ->
            assertThat(failed.get("Revoke naming the customer by the numeric customer id"))
                .contains("breaks the contract")
                .contains("customerId");
        case NO_REQUEST_ID ->
            assertThat(failed.get("Revoke naming the customer by the numeric customer id"))
                .contains("X-CAP-REQUEST-ID");
        case ACCEPTS_NO_CREDENTIALS ->
            assertThat(failed).containsKey("No credentials on revokeEarn");
        case STILL_ACTIVE ->
            assertThat(failed.get("Revoke naming the customer by the numeric customer id"))
                .contains("isActive");
        case TRAILING_GARBAGE, DUPLICATE_KEY ->
            assertThat(failed.get("Revoke naming the customer by the numeric customer id"))
                .contains("not one well-formed JSON document");
        case IGNORES_IDENTIFIER ->
            assertThat(failed).containsKey("Revoking for a customer no email names");
        case ANY_USERNAME -> assertThat(failed).containsKey("A till that does not exist");
        case CONSTANT_REQUEST_ID ->
            assertThat(failed.get("Request ids are not repeated")).contains("X-CAP-REQUEST-ID");
        case OTHER_EARNED_BADGE_ID ->
            assertThat(failed.get("Revoke naming the customer by the numeric customer id"))
                .contains("data.earnedBadgeId");
        case REFUSES_EARNS ->
            assertThat(failed).containsKey("Revoking the same earn instance twice");
      }
    }
  }

  /** A failure says where and what: the step, the field, what was expected and what came. */
  @Test
  void aFailureNamesItsStepTheFieldAndWhatWasExpectedAndCame() throws Exception {
    try (BrokenDeployment broken =
        BrokenDeployment.start(mock.baseUrl(), Breakage.OTHER_EARNED_BADGE_ID)) {
      ConformanceResult result = run(asDeployment(broken.baseUrl()));

      ScenarioResult failed =
          result.failures().stream()
              .filter(s -> s.name().equals("Revoke naming the customer by the numeric customer id"))
              .findFirst()
              .orElseThrow();
      assertThat(failed.step()).isEqualTo("Then the answer is 200 with the success envelope");
      assertThat(failed.shortMessage())
          .matches(
              "\\[data\\.earnedBadgeId\\] expected: \"[0-9a-f]{24}\" but was: \"0123456789abcdef01234567\"");
      assertThat(log.toString())
          .contains("          Then the answer is 200 with the success envelope\n")
          .contains("          " + failed.shortMessage() + "\n");
    }
  }

  /** Fifty scenarios failing in one set-up step are one problem, reported once. */
  @Test
  void failuresOfOneCauseAreGroupedOnTheConsoleAndInTheReport() throws Exception {
    try (BrokenDeployment broken = BrokenDeployment.start(mock.baseUrl(), Breakage.REFUSES_EARNS)) {
      ConformanceResult result = run(asDeployment(broken.baseUrl()));

      long earning =
          result.failures().stream()
              .filter(s -> "Given the customer has earned the badge".equals(s.step()))
              .count();
      assertThat(earning).isGreaterThan(10);
      String summary = log.toString().substring(log.toString().lastIndexOf(" scenarios: "));
      assertThat(summary)
          .contains("  FAILED in " + earning + " scenarios, one cause:\n")
          .contains("         Given the customer has earned the badge\n")
          .containsPattern(
              "set-up: earning badge \\w+ for customer \\d+ answered .* expected: 200 but was: 401");
      assertThat(summary.split("Given the customer has earned the badge", -1)).hasSize(2);
      assertThat(log.toString()).contains("the same failure as ");
      assertThat(reports.resolve("report.html"))
          .content()
          .contains(earning + " scenarios, one cause: Given the customer has earned the badge");
    }
  }

  /** What a SIGTERM or Ctrl-C does to check: the run ends at once, reports and verdict written. */
  @Test
  void aStoppedRunEndsAtOnceWithItsReportsAndFails() throws Exception {
    try (TricklingServer slow = new TricklingServer()) {
      ConformanceRunner runner = new ConformanceRunner();
      CompletableFuture<ConformanceResult> running =
          CompletableFuture.supplyAsync(
              () ->
                  runner.run(
                      asDeployment(slow.baseUrl()),
                      "self-test",
                      new ConformanceRunner.Options(reports, new PrintWriter(log, true))));
      Thread.sleep(1500);
      long stopped = System.nanoTime();
      runner.stop("stopped by a signal");

      ConformanceResult result = running.get(30, TimeUnit.SECONDS);
      assertThat((System.nanoTime() - stopped) / 1_000_000)
          .as("ms from stop to the end")
          .isLessThan(10_000);
      assertThat(result.passed()).isFalse();
      assertThat(result.stopped()).contains("stopped by a signal");
      assertThat(result.failures())
          .extracting(ScenarioResult::message)
          .allMatch(m -> m.contains("stopped by a signal"));
      assertThat(reports.resolve("coverage.json")).isNotEmptyFile();
      assertThat(reports.resolve("cucumber-junit.xml")).isNotEmptyFile();
    }
  }

  private ConformanceResult run(ConformanceTarget target) {
    PrintWriter out = new PrintWriter(log, true);
    return new ConformanceRunner()
        .run(target, "self-test", new ConformanceRunner.Options(reports, out));
  }

  private static ConformanceTarget asDeployment(String baseUrl) {
    return ConformanceTarget.live(
        baseUrl,
        Map.of(
            ConformanceTarget.USERNAME, DemoSeed.TILL_USERNAME,
            ConformanceTarget.PASSWORD, DemoSeed.TILL_PASSWORD,
            ConformanceTarget.OAUTH_KEY, DemoSeed.OAUTH_KEY,
            ConformanceTarget.OAUTH_SECRET, DemoSeed.OAUTH_SECRET),
        TestData.defaultData());
  }
}
