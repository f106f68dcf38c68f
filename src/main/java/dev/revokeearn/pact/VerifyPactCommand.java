package dev.revokeearn.pact;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verify-pact PACT_FILE...}: consumers' pacts against the contract and the reference. */
@Command(
    name = "verify-pact",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Verifies consumers' pact files (Pact V2, V3, V4 JSON) of this API: each interaction against"
          + " the contract (a request it accepts, an answer it documents), and replayed against the"
          + " reference implementation in this jar (fresh demo-seed state for each file, its"
          + " provider states set up) with Pact's own matching rules.",
      "A pass says the pact agrees with the contract and with the reference behaviour; it says"
          + " nothing of a live deployment, which 'check' certifies."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every interaction verified",
      "1:an interaction failed (the console names it, what was expected and what came)",
      "2:bad usage, or a file that is not a pact"
    })
public final class VerifyPactCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PACT_FILE", arity = "1..*", description = "Pact files (JSON).")
  List<Path> pacts;

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      description = "Where report.html and junit.xml go. Default: ${DEFAULT-VALUE}.")
  Path reportDir = Path.of("pact-report");

  @Option(
      names = "--request-timeout",
      paramLabel = "SECONDS",
      description = "The most one replayed request may take. Default: ${DEFAULT-VALUE}.")
  long requestTimeoutSeconds = 30;

  /** The subcommand as the CLI adds it (by name: the library jar leaves it out). */
  public static CommandLine commandLine() {
    return new CommandLine(new VerifyPactCommand());
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (requestTimeoutSeconds < 1) {
      err.println("error: --request-timeout must be 1 or more, got " + requestTimeoutSeconds);
      return 2;
    }
    try {
      Files.createDirectories(reportDir);
      if (!Files.isWritable(reportDir)) {
        throw new IOException("not writable");
      }
    } catch (IOException e) {
      err.println("error: --report-dir " + reportDir + " cannot be written: " + e.getMessage());
      return 2;
    }
    List<InteractionVerdict> verdicts;
    try {
      verdicts = PactVerification.verify(pacts, Duration.ofSeconds(requestTimeoutSeconds));
    } catch (PactVerification.UnreadablePact e) {
      err.println("error: " + e.getMessage().replace('\n', ' '));
      return 2;
    }
    out.println(
        "verify-pact: "
            + pacts.size()
            + " pact file(s), "
            + verdicts.size()
            + " interaction(s), against the contract and the reference implementation");
    PactReports.print(verdicts, out);
    try {
      PactReports.write(verdicts, reportDir);
    } catch (IOException e) {
      err.println("error: --report-dir " + reportDir + " cannot be written: " + e.getMessage());
      return 2;
    }
    return verdicts.stream().allMatch(InteractionVerdict::passed) ? 0 : 1;
  }
}
