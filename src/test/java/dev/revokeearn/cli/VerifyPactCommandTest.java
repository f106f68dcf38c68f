package dev.revokeearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.testing.Credentials;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify-pact on a Pact V2 file written by hand (V3 and V4 are the consumer build's, written by
 * pact-jvm): V2 states carry no params, so they mean the public documentation's example.
 */
class VerifyPactCommandTest {
  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @Test
  void aV2PactPassesWhereItAgreesAndFailsNamingTheInteractionWhereItDoesNot() throws Exception {
    Path pact = dir.resolve("v2.json");
    Files.writeString(
        pact,
        """
        {"consumer": {"name": "v2-client"}, "provider": {"name": "revoke-earn"},
         "metadata": {"pactSpecification": {"version": "2.0.0"}},
         "interactions": [
          {"description": "revoke the documentation's example",
           "providerState": "an active earn instance",
           "request": {"method": "POST", "path": "/api_gateway/v1/badges/customer/revokeEarn",
             "headers": {"Authorization": "%1$s", "Content-Type": "application/json"},
             "body": {"badgeMetaId": "653ddb33b3cda7078c7c68e9", "customerId": 62090013,
                      "earnedBadgeId": "654cbea06bccde1274b6d3a2"}},
           "response": {"status": 200, "body": {"data": {"isActive": false}}}},
          {"description": "expects 200 for a revoked one",
           "providerState": "a revoked earn instance",
           "request": {"method": "POST", "path": "/api_gateway/v1/badges/customer/revokeEarn",
             "headers": {"Authorization": "%1$s", "Content-Type": "application/json"},
             "body": {"badgeMetaId": "653ddb33b3cda7078c7c68e9", "customerId": 62090013,
                      "earnedBadgeId": "654cbea06bccde1274b6d3a2"}},
           "response": {"status": 200}}
         ]}
        """
            .formatted(Credentials.demo()));

    int exit = run(pact.toString(), "--report-dir", dir.resolve("report").toString());

    assertThat(exit).as(out + "" + err).isEqualTo(1);
    assertThat(out.toString())
        .contains("PASSED  v2-client: revoke the documentation's example")
        .contains("FAILED  v2-client: expects 200 for a revoked one")
        .contains("behaviour: expected status of 200 but was 409")
        .contains("1 passed, 1 failed: FAILED");
    assertThat(Files.readString(dir.resolve("report/junit.xml")))
        .contains("tests=\"2\" failures=\"1\"")
        .contains("name=\"expects 200 for a revoked one\"><failure");
    assertThat(dir.resolve("report/report.html")).exists();
  }

  @Test
  void aFileThatIsNoPactIsExitCode2NamingIt() throws Exception {
    Path notPact = Files.writeString(dir.resolve("notes.txt"), "not json");
    assertThat(run(notPact.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: " + notPact + " is not a pact this can read");
    assertThat(run(dir.resolve("missing.json").toString())).isEqualTo(2);
    // Any JSON object reads as an empty pact: verifying it would verify nothing.
    Path anyJson = Files.writeString(dir.resolve("any.json"), "{\"hello\": \"world\"}");
    assertThat(run(anyJson.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("holds no interactions");
  }

  @Test
  void anExpectationWithoutABodyReliesOnNone() throws Exception {
    Path pact = dir.resolve("status-only.json");
    Files.writeString(
        pact,
        """
        {"consumer": {"name": "terse-client"}, "provider": {"name": "revoke-earn"},
         "metadata": {"pactSpecification": {"version": "3.0.0"}},
         "interactions": [
          {"description": "a second revoke is 409",
           "providerStates": [{"name": "a revoked earn instance"}],
           "request": {"method": "POST", "path": "/api_gateway/v1/badges/customer/revokeEarn",
             "headers": {"Authorization": "%1$s", "Content-Type": "application/json"},
             "body": {"badgeMetaId": "653ddb33b3cda7078c7c68e9", "customerId": 62090013,
                      "earnedBadgeId": "654cbea06bccde1274b6d3a2"}},
           "response": {"status": 409}}
         ]}
        """
            .formatted(Credentials.demo()));
    assertThat(run(pact.toString(), "--report-dir", dir.resolve("r").toString()))
        .as(out + "" + err)
        .isZero();
  }

  /** Through the jar's own command line, as {@code java -jar ... verify-pact} runs it. */
  private int run(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "verify-pact";
    System.arraycopy(args, 0, all, 1, args.length);
    return MockCommand.run(
        new MockCommand(), Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), all);
  }
}
