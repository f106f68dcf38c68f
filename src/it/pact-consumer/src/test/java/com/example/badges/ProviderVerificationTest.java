package com.example.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.core.model.FileSource;
import au.com.dius.pact.provider.ConsumerInfo;
import au.com.dius.pact.provider.ProviderInfo;
import au.com.dius.pact.provider.ProviderVerifier;
import au.com.dius.pact.provider.VerificationResult;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The pacts the consumer tests wrote, verified two ways: by pact-jvm's own provider verifier against
 * the standalone mock, its provider states set up through the state-change URL; and by the mock's
 * verify-pact. The good pact passes both; the careless one fails both, naming its interactions.
 */
@Order(2)
class ProviderVerificationTest {
  static final Path MOCK_JAR = Path.of(System.getProperty("mock.jar"));
  static final File GOOD = new File("target/pacts/badges-client-revoke-earn.json");
  static final File WRONG = new File("target/wrong-pacts/careless-client-revoke-earn.json");

  static Process mock;
  static String baseUrl;

  @BeforeAll
  static void startTheStandaloneMock() throws Exception {
    Path ready = Files.createTempFile("revoke-earn-ready", ".txt");
    Files.delete(ready);
    mock =
        new ProcessBuilder(
                "java", "-jar", MOCK_JAR.toString(), "--port", "0", "--verbose", "--ready-file",
                ready.toString())
            .redirectErrorStream(true)
            .redirectOutput(new File("target/mock.log"))
            .start();
    for (int i = 0; i < 300 && !Files.exists(ready); i++) {
      Thread.sleep(100);
    }
    baseUrl = Files.readString(ready).strip();
  }

  @AfterAll
  static void stop() throws Exception {
    mock.destroy();
    mock.waitFor(15, TimeUnit.SECONDS);
  }

  @Test
  void pactJvmsVerifierPassesTheGoodPact() throws Exception {
    List<VerificationResult> results = verify(GOOD, "badges-client");
    assertEquals(1, results.size());
    assertTrue(results.get(0) instanceof VerificationResult.Ok, results.toString());
  }

  @Test
  void pactJvmsVerifierFailsTheCarelessPactNamingEachInteraction() throws Exception {
    List<VerificationResult> results = verify(WRONG, "careless-client");
    assertEquals(1, results.size());
    assertTrue(results.get(0) instanceof VerificationResult.Failed, results.toString());
    String failures = results.toString();
    assertTrue(failures.contains("a second revoke answered 200"), failures);
    assertTrue(failures.contains("customerId answered as a string"), failures);
  }

  @Test
  void verifyPactPassesTheGoodPact() throws Exception {
    Run run = verifyPact(GOOD);
    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("4 passed, 0 failed: PASSED"), run.output());
  }

  @Test
  void verifyPactFailsTheCarelessPactNamingEachInteraction() throws Exception {
    Run run = verifyPact(WRONG);
    assertEquals(1, run.exitCode(), run.output());
    assertTrue(run.output().contains("FAILED  careless-client: a second revoke answered 200"), run.output());
    assertTrue(run.output().contains("FAILED  careless-client: customerId answered as a string"), run.output());
  }

  private static List<VerificationResult> verify(File pact, String consumerName) throws Exception {
    ProviderInfo provider = new ProviderInfo("revoke-earn");
    URL base = new URL(baseUrl);
    provider.setProtocol("http");
    provider.setHost(base.getHost());
    provider.setPort(base.getPort());
    provider.setStateChangeUrl(new URL(baseUrl + "/__admin/revoke-earn/provider-states"));
    provider.setStateChangeUsesBody(true);
    provider.setStateChangeTeardown(true);
    ConsumerInfo consumer = new ConsumerInfo(consumerName);
    consumer.setPactSource(new FileSource(pact));
    provider.getConsumers().add(consumer);
    ProviderVerifier verifier = new ProviderVerifier();
    return verifier.verifyProvider(provider);
  }

  record Run(int exitCode, String output) {}

  private static Run verifyPact(File pact) throws Exception {
    Process process =
        new ProcessBuilder(
                "java", "-jar", MOCK_JAR.toString(), "verify-pact", pact.getPath(),
                "--report-dir", "target/verify-pact-" + pact.getName())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS));
    return new Run(process.exitValue(), output);
  }
}
