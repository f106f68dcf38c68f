package dev.revokeearn.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code check} or {@code verify-pact} in a jar built without them (the library artifact): says
 * where they live.
 */
@Command(description = "Not in this jar: use the standalone jar.")
final class CheckUnavailable implements Callable<Integer> {
  private final String name;

  @Spec CommandSpec spec;

  @Unmatched java.util.List<String> ignored;

  CheckUnavailable(String name) {
    this.name = name;
  }

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println(
            "error: "
                + name
                + " is in the standalone jar (revoke-earn-<version>-standalone.jar,"
                + " target/revoke-earn-mock.jar), not in this one");
    return ErrorLines.USAGE;
  }
}
