package dev.revokeearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revokeearn.conformance.EmbeddedMock;
import dev.revokeearn.mock.RevokeEarnMock;
import dev.revokeearn.testing.BrokenDeployment;
import dev.revokeearn.testing.BrokenDeployment.Breakage;
import dev.revokeearn.testing.Credentials;
import dev.revokeearn.testing.TricklingServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} in-process: exit codes, one-line errors, the target first and last, reports. */
class CheckCommandTest {
  static final Map<String, String> DEMO_ENV = Credentials.DEMO_CHECK_ENV;

  static EmbeddedMock deployment;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  @TempDir Path dir;

  @BeforeAll
  static void startADeployment() {
    deployment = EmbeddedMock.start();
  }

  @AfterAll
  static void stopIt() {
    deployment.close();
  }

  int check(Map<String, String> env, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "check";
    all[1] = "--report-dir";
    all[2] = dir.resolve("report").toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return MockCommand.run(
        new MockCommand(), env, new PrintWriter(out, true), new PrintWriter(err, true), all);
  }

  @Test
  void withoutABaseUrlItChecksTheMockInTheJarAndWritesEveryReport() throws Exception {
    assertThat(check(Map.of(), "--min-coverage", "100")).as(out + "" + err).isZero();

    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).startsWith("Conformance check of http://127.0.0.1:");
    assertThat(lines.get(lines.size() - 1)).endsWith(": PASSED");
    for (String report :
        List.of(
            "report.html",
            "cucumber.html",
            "cucumber.json",
            "cucumber-junit.xml",
            "coverage.json")) {
      assertThat(dir.resolve("report").resolve(report)).isNotEmptyFile();
    }
    JsonNode coverage = new ObjectMapper().readTree(dir.resolve("report/coverage.json").toFile());
    assertThat(coverage.path("percent").asDouble()).isEqualTo(100.0);
    assertThat(coverage.path("items").size()).isEqualTo(coverage.path("documented").asInt());
  }

  @Test
  void aDeploymentThatNeverAnswers814ExitsOneNamingTheFailingScenarios() throws Exception {
    try (BrokenDeployment broken =
        BrokenDeployment.start(deployment.baseUrl(), Breakage.NEVER_814)) {
      assertThat(check(DEMO_ENV, "--base-url", broken.baseUrl())).isEqualTo(1);
    }
    assertThat(out.toString())
        .containsPattern("FAILED in \\d+ scenarios, one cause:")
        .contains("         error-814.feature:10 Revoking the same earn instance twice")
        .contains("skipped 9: mock-only")
        .endsWith(": FAILED" + System.lineSeparator());
  }

  @Test
  void aHealthyDeploymentPassesWithItsMockOnlyScenariosSkipped() {
    assertThat(check(DEMO_ENV, "--base-url", deployment.baseUrl() + "/"))
        .as(out.toString())
        .isZero();
    assertThat(out.toString()).contains("skipped 9: mock-only").contains("0 failed");
  }

  @Test
  void anHttpsMockPassesWithItsCertificateAsTheCaAndIsRefusedWithout() throws Exception {
    try (RevokeEarnMock https = RevokeEarnMock.builder().port(0).httpsPort(0).build().start()) {
      Path pem = Files.writeString(dir.resolve("mock.pem"), https.httpsCertificatePem().get());

      assertThat(check(DEMO_ENV, "--base-url", https.httpsBaseUrl())).isEqualTo(2);
      assertThat(err.toString()).contains("TLS handshake failed").contains("--ca-file");

      assertThat(check(DEMO_ENV, "--base-url", https.httpsBaseUrl(), "--ca-file", pem.toString()))
          .as(out + "" + err)
          .isZero();
      assertThat(out.toString()).contains("Conformance check of " + https.httpsBaseUrl());
    }
  }

  @Test
  void coverageBelowTheMinimumFailsTheRun() {
    assertThat(check(DEMO_ENV, "--base-url", deployment.baseUrl(), "--min-coverage", "90"))
        .isEqualTo(1);
    assertThat(out.toString()).contains("below --min-coverage 90.0%");
  }

  @Test
  void testDataComesFromTheDataFileAndFlagsWinOverIt() throws Exception {
    Path data = dir.resolve("data.yaml");
    Files.writeString(data, "customerId: 62090014\nemail: huck.finn@example.com\n");
    // The file names customer 62090014 by id and email, but its other identifiers stay Tom's:
    // the revokes by mobile, external id and card number must fail.
    assertThat(check(DEMO_ENV, "--base-url", deployment.baseUrl(), "--data", data.toString()))
        .isEqualTo(1);
    assertThat(out.toString())
        .contains("success.feature:21 Revoke naming the customer by mobile")
        .doesNotContain("success.feature:20 Revoke naming the customer by email");

    out.getBuffer().setLength(0);
    assertThat(
            check(
                DEMO_ENV,
                "--base-url",
                deployment.baseUrl(),
                "--data",
                data.toString(),
                "--customer-id",
                "62090013",
                "--email",
                "tom.sawyer@example.com"))
        .as(out.toString())
        .isZero();
  }

  @Test
  void usageProblemsAreOneLineAndExitCode2() throws Exception {
    assertThat(check(Map.of(), "--base-url", deployment.baseUrl())).isEqualTo(2);
    assertThat(err.toString()).contains("set CAP_USERNAME and CAP_PASSWORD");

    assertThat(check(DEMO_ENV, "--base-url", "http://127.0.0.1:1")).isEqualTo(2);
    assertThat(err.toString()).contains("cannot reach http://127.0.0.1:1: connection refused");

    assertThat(check(DEMO_ENV, "--base-url", "http://no-such-host.invalid")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown host no-such-host.invalid");

    assertThat(check(DEMO_ENV, "--base-url", "ftp://example.com")).isEqualTo(2);
    assertThat(check(Map.of(), "--tags", "not (")).isEqualTo(2);
    assertThat(check(Map.of(), "--tags", "@no-such-tag")).isEqualTo(2);
    assertThat(err.toString()).contains("--tags @no-such-tag selects no scenario");
    assertThat(check(Map.of(), "--min-coverage", "101")).isEqualTo(2);
    assertThat(check(Map.of(), "--customer-id", "tom")).isEqualTo(2);
    assertThat(err.toString()).contains("customerId must be a numeric customer id, got tom");

    Path data = dir.resolve("bad.yaml");
    Files.writeString(data, "badge: 653ddb33b3cda7078c7c68e9\n");
    assertThat(check(Map.of(), "--data", data.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("unknown key badge; the keys are badgeMetaId");
    assertThat(check(Map.of(), "--data", dir.resolve("missing.yaml").toString())).isEqualTo(2);

    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(err.toString().lines()).allMatch(line -> line.startsWith("error: "));
  }

  @Test
  void aDeploymentThatTricklesItsAnswersFailsInTimeInsteadOfHanging() throws Exception {
    try (TricklingServer slow = new TricklingServer()) {
      long started = System.nanoTime();
      int exit =
          check(DEMO_ENV, "--base-url", slow.baseUrl(), "--request-timeout", "1", "--timeout", "4");
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;

      assertThat(exit).as(out.toString()).isEqualTo(1);
      assertThat(seconds).as("the run's --timeout bounds it").isLessThan(30);
    }
    assertThat(out.toString())
        .contains("no complete answer within 1 s")
        .contains("the run stopped before its end: the run's time, --timeout 4 s, ran out")
        .contains("Target " + "http://127.0.0.1:");
    assertThat(out.toString().strip().lines().reduce((a, b) -> b).orElseThrow())
        .startsWith("Target http://127.0.0.1:")
        .contains(": FAILED");
    assertThat(dir.resolve("report/report.html")).content().contains("stopped before its end");
    assertThat(dir.resolve("report/cucumber.json")).isNotEmptyFile();
  }

  @Test
  void credentialsTheDeploymentRefusesAreExitCode2NotAVerdict() {
    Map<String, String> wrong = Map.of("CAP_USERNAME", "demo.till", "CAP_PASSWORD", "not-it");
    assertThat(check(wrong, "--base-url", deployment.baseUrl())).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).contains("refuses CAP_USERNAME and CAP_PASSWORD (401)");
    assertThat(out.toString()).doesNotContain("FAILED");

    err.getBuffer().setLength(0);
    Map<String, String> noAccess =
        Map.of("CAP_USERNAME", "no-badges.till", "CAP_PASSWORD", "demo-password");
    assertThat(check(noAccess, "--base-url", deployment.baseUrl())).isEqualTo(2);
    assertThat(err.toString()).contains("no-badges.till has no access to badges (403)");
  }

  @Test
  void moreUsageProblemsAreOneLineAndExitCode2() throws Exception {
    Path binary = dir.resolve("binary.yaml");
    Files.write(binary, new byte[] {(byte) 0x98, (byte) 0xff, 0x00, 0x41});
    Path list = dir.resolve("list.yaml");
    Files.writeString(list, "- a\n- b\n");
    Path twice = dir.resolve("twice.yaml");
    Files.writeString(twice, "email: a@b.c\nemail: d@e.f\n");
    Path blank = dir.resolve("blank.yaml");
    Files.writeString(blank, "customerId: ~\n");
    Path aFile = dir.resolve("a-file");
    Files.writeString(aFile, "x");
    Path withDirectoryReport = dir.resolve("taken");
    Files.createDirectories(withDirectoryReport.resolve("coverage.json"));

    assertThat(check(Map.of(), "--data", binary.toString())).isEqualTo(2);
    assertThat(check(Map.of(), "--data", list.toString())).isEqualTo(2);
    assertThat(check(Map.of(), "--data", twice.toString())).isEqualTo(2);
    assertThat(check(Map.of(), "--data", blank.toString())).isEqualTo(2);
    assertThat(check(Map.of(), "--min-coverage", "NaN")).isEqualTo(2);
    assertThat(check(DEMO_ENV, "--base-url", "http://demo.till:demo-password@127.0.0.1:1"))
        .isEqualTo(2);
    assertThat(check(Map.of("CAP_OAUTH_KEY", "k"), "--min-coverage", "1")).isEqualTo(2);
    assertThat(
            MockCommand.run(
                new MockCommand(),
                Map.of(),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "check",
                "--report-dir",
                aFile.toString()))
        .isEqualTo(2);
    assertThat(
            MockCommand.run(
                new MockCommand(),
                Map.of(),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "check",
                "--report-dir",
                withDirectoryReport.toString()))
        .isEqualTo(2);
    assertThat(check(Map.of(), "--tags", "not\n(")).isEqualTo(2);

    assertThat(err.toString())
        .contains("is not UTF-8 text")
        .contains("must be key: value lines")
        .contains("duplicate key email")
        .contains("customerId must be a numeric customer id, got ~")
        .contains("--min-coverage must be a number from 0 to 100, got NaN")
        .contains("must not carry credentials")
        .contains("set both CAP_OAUTH_KEY and CAP_OAUTH_SECRET")
        .contains("a-file is a file, not a directory")
        .contains("holds a directory named coverage.json")
        .doesNotContain("Exception", "java.", "demo-password");
    assertThat(err.toString().lines()).allMatch(line -> line.startsWith("error: "));
    assertThat(out.toString()).doesNotContain("Conformance check of");
  }

  @Test
  void helpListsTheFlagsAndExitCodes() {
    assertThat(check(Map.of(), "--help")).isZero();
    assertThat(out.toString())
        .contains("--base-url", "--data", "--tags", "--report-dir", "--min-coverage")
        .contains("CAP_USERNAME", "Exit codes");
  }
}
