package dev.revokeearn.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.revokeearn.mock.RevokeEarnMock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The tests of the tests: the conformance suite, run against servers that break the contract in one
 * way each, fails exactly where it should. Each server is the reference mock with one static stub
 * (WireMock's own format) that overrides revokeEarn.
 */
class ConformanceSelfTest {
  static final String NEVER_814 =
      """
      {"request": {"method": "POST", "urlPath": "/api_gateway/v1/badges/customer/revokeEarn",
                   "headers": {"Authorization": {"matches": "Basic .*"}},
                   "bodyPatterns": [{"matchesJsonPath": "$.earnedBadgeId"}]},
       "response": {"status": 200, "headers": {"Content-Type": "application/json", "X-CAP-REQUEST-ID": "0123456789abcdef0123456789abcdef"},
                    "transformers": ["response-template"],
                    "body": "{\\"data\\":{\\"badgeMetaId\\":\\"{{jsonPath request.body '$.badgeMetaId'}}\\",\\"customerId\\":62090013,\\"earnedBadgeId\\":\\"{{jsonPath request.body '$.earnedBadgeId'}}\\",\\"isActive\\":false},\\"errors\\":[],\\"warnings\\":[]}"}}
      """;
  static final String STRING_CUSTOMER_ID =
      NEVER_814.replace("\\\"customerId\\\":62090013", "\\\"customerId\\\":\\\"62090013\\\"");

  @TempDir Path root;

  @Test
  void aServerThatNeverAnswers814FailsTheSecondRevokeScenario() throws Exception {
    Map<String, TestExecutionResult> results = runSuiteAgainst(NEVER_814);

    assertThat(results.get("Revoking the same earn instance twice").getStatus())
        .isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(results.get("Revoking an earn instance that does not exist").getStatus())
        .isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(results.get("Revoke naming the customer by the numeric customer id").getStatus())
        .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
  }

  @Test
  void aServerThatAnswersCustomerIdAsAStringFailsOnTheContract() throws Exception {
    Map<String, TestExecutionResult> results = runSuiteAgainst(STRING_CUSTOMER_ID);

    TestExecutionResult success =
        results.get("Revoke naming the customer by the numeric customer id");
    assertThat(success.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(success.getThrowable().orElseThrow().getMessage())
        .contains("customerId")
        .contains("does not match any allowed primitive type");
  }

  @Test
  void theReferenceMockPassesTheSameRun() throws Exception {
    Map<String, TestExecutionResult> results = runSuiteAgainst(null);

    assertThat(results).hasSizeGreaterThan(20);
    assertThat(results.values()).noneMatch(r -> r.getStatus() == TestExecutionResult.Status.FAILED);
    // Against a URL, only the scenarios that need the embedded mock's clock or tills are skipped.
    assertThat(results.entrySet())
        .filteredOn(e -> e.getValue().getStatus() == TestExecutionResult.Status.ABORTED)
        .extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder(
            "An expired OAuth token", "Valid credentials without access to badges");
  }

  /**
   * Runs every feature against the reference mock plus one overriding stub; results by scenario.
   */
  private Map<String, TestExecutionResult> runSuiteAgainst(String stub) throws Exception {
    Files.createDirectories(root.resolve("mappings"));
    if (stub != null) {
      Files.writeString(root.resolve("mappings/override.json"), stub);
    }
    Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
    try (RevokeEarnMock server = RevokeEarnMock.builder().port(0).rootDir(root).build().start()) {
      System.setProperty("conformance.baseUrl", server.baseUrl());
      System.setProperty("CAP_USERNAME", "demo.till");
      System.setProperty("CAP_PASSWORD", "demo-password");
      System.setProperty("CAP_OAUTH_KEY", "demo-key");
      System.setProperty("CAP_OAUTH_SECRET", "demo-secret");
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request()
                  .selectors(selectDirectory("features"))
                  .filters(EngineFilter.includeEngines("cucumber"))
                  .build(),
              new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                  if (id.isTest()) {
                    results.put(id.getDisplayName(), result);
                  }
                }
              });
    } finally {
      System.clearProperty("conformance.baseUrl");
      System.clearProperty("CAP_USERNAME");
      System.clearProperty("CAP_PASSWORD");
      System.clearProperty("CAP_OAUTH_KEY");
      System.clearProperty("CAP_OAUTH_SECRET");
    }
    return results;
  }
}
