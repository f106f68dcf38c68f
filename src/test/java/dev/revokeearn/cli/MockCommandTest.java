package dev.revokeearn.cli;

import static dev.revokeearn.testing.Fixtures.REVOKE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.testing.Postgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process: exit codes, one-line errors, the banner; the packaged jar has its own IT. */
class MockCommandTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return MockCommand.run(
        new MockCommand(), new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void anUnknownFlagIsOneLineAndExitCode2() {
    assertThat(run("--prot", "9")).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("error: Unknown options: '--prot', '9'; did you mean --port? (see --help)");
    assertThat(err.toString().lines()).hasSize(1);
  }

  @Test
  void aMisspeltSubcommandGetsADidYouMean() {
    assertThat(run("chek")).isEqualTo(2);
    assertThat(err.toString().strip()).contains("'chek'").contains("did you mean check?");
    assertThat(err.toString().lines()).hasSize(1);
  }

  int run(Map<String, String> env, String... args) {
    return MockCommand.run(
        new MockCommand(), env, new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void aBadValueFromTheEnvironmentNamesTheVariableAndAnEmptyOneCountsAsUnset() {
    assertThat(run(Map.of("REVOKE_EARN_PORT", "abc"))).isEqualTo(2);
    assertThat(err.toString())
        .contains("'abc'")
        .contains("(from the environment variable REVOKE_EARN_PORT)");
    assertThat(run(Map.of("REVOKE_EARN_BIND", "no.such.host.invalid"))).isEqualTo(2);
    assertThat(err.toString()).contains("(from the environment variable REVOKE_EARN_BIND)");
    // Empty: the built-in default; a flag given wins over a variable.
    assertThat(run(Map.of("REVOKE_EARN_SEED", "", "REVOKE_EARN_PORT", "abc"), "--port", "70000"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--port must be between 0 and 65535, got 70000");
  }

  @Test
  void httpsFlagsThatCannotWorkAreExitCode2NamingWhy(@TempDir Path dir) throws Exception {
    assertThat(run("--port", "18999", "--https-port", "18999")).isEqualTo(2);
    assertThat(err.toString()).contains("--https-port 18999 is --port too");
    assertThat(run("--https-only", "--https-port", "0", "--port", "1234")).isEqualTo(2);
    assertThat(err.toString()).contains("--https-only serves no plain HTTP");

    Path keystore;
    String password;
    try (var made = dev.revokeearn.mock.tls.HttpsKeys.selfSigned(java.util.List.of())) {
      keystore = Files.copy(made.keystore(), dir.resolve("own.p12"));
      password = made.password();
    }
    assertThat(run(Map.of(), "--https-port", "0", "--https-keystore", keystore.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("REVOKE_EARN_KEYSTORE_PASSWORD, which is not set");
    assertThat(
            run(
                Map.of("REVOKE_EARN_KEYSTORE_PASSWORD", "wrong"),
                "--https-port",
                "0",
                "--https-keystore",
                keystore.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("with that password");
    assertThat(password).isNotEmpty();

    assertThat(run("--port", "0", "--https-port", "0", "--https-cert-out", dir.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("is a directory");
    assertThat(dir.resolveSibling(dir.getFileName() + ".partial")).doesNotExist();
  }

  @Test
  void aBadPortIsExitCode2() {
    assertThat(run("--port", "nine")).isEqualTo(2);
    assertThat(err.toString()).contains("--port").doesNotContain("Exception");
    assertThat(run("--port", "70000")).isEqualTo(2);
  }

  @Test
  void anUnreadableOrInvalidSeedIsExitCode2(@TempDir Path dir) throws Exception {
    assertThat(run("--seed", dir.resolve("nope.yaml").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("nope.yaml does not exist");

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "orgs:\n  - orgId: 1\n    badges: [{badgeMetaId: 12}]\n");
    assertThat(run("--seed", bad.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("orgs[0].badges[0].badgeMetaId must be 24 hex characters");
    assertThat(err.toString()).doesNotContain("\tat ");
  }

  @Test
  void aSeedWithAnEmptyRequiredValueIsExitCode2AndOneLine(@TempDir Path dir) throws Exception {
    Path empty = dir.resolve("empty-values.yaml");
    Files.writeString(empty, "orgs:\n  - orgId: 1\n    customers: [{id: }]\n");
    assertThat(run("--seed", empty.toString())).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString())
        .startsWith("error: ")
        .contains("empty-values.yaml", "orgs[0].customers[0].id")
        .doesNotContain("Exception", "java.");
  }

  @Test
  void anAdminApiOpenToTheNetworkNeedsAToken() {
    assertThat(run("--admin-remote", "--port", "0")).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).contains("--admin-remote", "--admin-token");
  }

  @Test
  void startupProblemsOfTheSetupAreExitCode2AndOneLine(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("root/mappings"));
    Files.writeString(dir.resolve("root/mappings/broken.json"), "{\"request\": \"x\"}");
    Files.createDirectories(dir.resolve("state"));
    Files.write(dir.resolve("state/state.db"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    String[][] cases = {
      {"--root-dir", dir.resolve("root").toString()},
      {"--state-dir", dir.resolve("state").toString()},
      {"--bind", ""},
    };
    for (String[] args : cases) {
      StringWriter errors = new StringWriter();
      int code =
          MockCommand.run(
              new MockCommand(),
              new PrintWriter(new StringWriter(), true),
              new PrintWriter(errors, true),
              args[0],
              args[1],
              "--port",
              "0");
      assertThat(code).as(String.join(" ", args) + ": " + errors).isEqualTo(2);
      assertThat(errors.toString().lines()).as(errors.toString()).hasSize(1);
      assertThat(errors.toString())
          .startsWith("error: " + args[0])
          .doesNotContain("java.", "com.", "\\n");
    }
  }

  @Test
  void aSeedThatBecameInvalidIsReportedAtStartThoughTheStateIsKept(@TempDir Path dir)
      throws Exception {
    Path seed = dir.resolve("seed.yaml");
    Files.writeString(seed, "orgs: [{orgId: 1, tills: [{username: t, password: p}]}]\n");
    MockCommand first = new MockCommand();
    CompletableFuture<Integer> exit =
        serving(
            first,
            Map.of(),
            "--port",
            "0",
            "--seed",
            seed.toString(),
            "--state-dir",
            dir.resolve("state").toString());
    awaitBaseUrl();
    first.stop();
    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();

    Files.writeString(seed, "orgs: [{orgId: 1, tills: [{username: t}]}]\n");
    StringWriter errors = new StringWriter();
    int code =
        MockCommand.run(
            new MockCommand(),
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(errors, true),
            "--port",
            "0",
            "--seed",
            seed.toString(),
            "--state-dir",
            dir.resolve("state").toString());
    assertThat(code).isEqualTo(2);
    assertThat(errors.toString()).contains("seed.yaml", "orgs[0].tills[0]");
  }

  @Test
  void aRootDirThatIsNotADirectoryIsExitCode2(@TempDir Path dir) {
    assertThat(run("--root-dir", dir.resolve("missing").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is not a directory");
  }

  @Test
  void aPortInUseIsAClearMessageAndExitCode1(@TempDir Path dir) throws Exception {
    Path certificate = dir.resolve("mock.pem");
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThat(run("--port", String.valueOf(taken.getLocalPort()))).isEqualTo(1);
      // The certificate is written before the server answers, and taken back when it cannot.
      assertThat(
              run(
                  "--port",
                  String.valueOf(taken.getLocalPort()),
                  "--https-port",
                  "0",
                  "--https-cert-out",
                  certificate.toString()))
          .isEqualTo(1);
    }
    assertThat(err.toString()).contains("already in use").doesNotContain("Exception");
    assertThat(certificate).doesNotExist();
  }

  @Test
  void helpAndVersion() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString())
        .contains("--port", "--bind", "--seed", "--root-dir", "--verbose", "Exit codes");
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).contains("revoke-earn-mock");
  }

  @Test
  void startsOnAFreePortPrintsTheBannerAndStopsCleanly() throws Exception {
    MockCommand command = new MockCommand();
    CompletableFuture<Integer> exit = serving(command, Map.of(), "--port", "0");
    String baseUrl = awaitBaseUrl();

    given().baseUri(baseUrl).get("/__admin/revoke-earn/state").then().statusCode(200);
    assertThat(out.toString())
        .contains(
            "demo.till",
            "demo-key",
            "curl -s -X POST " + baseUrl + REVOKE,
            "-H 'Authorization: Basic ZGVtby50aWxsOjRiNGQ5NTI5MTQ4ZDhkOTQ0MGQ3ZTIwYzc4Mjg3ZjY5'");

    command.stop();
    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void theReadyFileAppearsWithTheBaseUrlOnceServingAndGoesOnAStop(@TempDir Path dir)
      throws Exception {
    Path ready = dir.resolve("mock.ready");
    Files.writeString(ready, "http://stale.example:1\n"); // left over by an earlier run
    MockCommand command = new MockCommand();
    CompletableFuture<Integer> exit =
        serving(command, Map.of(), "--port", "0", "--ready-file", ready.toString());
    String baseUrl = awaitBaseUrl();

    assertThat(Files.readString(ready)).isEqualTo(baseUrl + "\n");
    given().baseUri(Files.readString(ready).strip()).get("/__admin/health").then().statusCode(200);
    command.stop();
    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(ready).doesNotExist();
  }

  @Test
  void aPostgresUrlTakesItsUserFromPgUserAndItsErrorsAreOneLine() throws Exception {
    String withUser = Postgres.newDatabase();
    String withoutUser = withUser.replaceFirst("\\?user=[^&]*&?", "?").replaceFirst("\\?$", "");
    MockCommand command = new MockCommand();
    CompletableFuture<Integer> exit =
        serving(
            command,
            Map.of("PGUSER", "postgres", "PGPASSWORD", "unused-by-trust-auth"),
            "--port",
            "0",
            "--state-url",
            withoutUser);
    String baseUrl = awaitBaseUrl();
    given().baseUri(baseUrl).get("/__admin/revoke-earn/state").then().statusCode(200);
    command.stop();
    assertThat(exit.get(10, TimeUnit.SECONDS)).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Seed: built-in demo loaded;");

    // A second replica on the same database finds the seed there and says so.
    out.getBuffer().setLength(0);
    MockCommand second = new MockCommand();
    CompletableFuture<Integer> secondExit =
        serving(second, Map.of(), "--port", "0", "--state-url", withUser);
    awaitBaseUrl();
    second.stop();
    assertThat(secondExit.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString()).contains("checked, not applied: the database holds a seed already");

    err.getBuffer().setLength(0);
    assertThat(run("--state-url", withUser, "--state-dir", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("not both");
    err.getBuffer().setLength(0);
    assertThat(run("--state-url", "jdbc:mysql://h/db")).isEqualTo(2);
    assertThat(err.toString()).contains("jdbc:postgresql://HOST:PORT/DATABASE");
    err.getBuffer().setLength(0);
    assertThat(
            run("--state-url", "jdbc:postgresql://127.0.0.1:1/db?password=s3cret&connectTimeout=2"))
        .isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).contains("cannot open PostgreSQL").doesNotContain("s3cret", "\tat ");
    err.getBuffer().setLength(0);
    assertThat(run("--state-url", withUser, "--state-pool-size", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--state-pool-size must be from 1 to 1000");
  }

  /**
   * Runs the command on another thread, as {@code main} would, until {@link MockCommand#stop()}.
   */
  private CompletableFuture<Integer> serving(
      MockCommand command, Map<String, String> env, String... args) {
    return CompletableFuture.supplyAsync(
        () ->
            MockCommand.run(
                command, env, new PrintWriter(out, true), new PrintWriter(err, true), args));
  }

  private String awaitBaseUrl() throws InterruptedException {
    Pattern ready = Pattern.compile("ready at (http://\\S+)");
    for (int i = 0; i < 200; i++) {
      Matcher m = ready.matcher(out.toString());
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no banner; out=" + out + " err=" + err);
  }
}
