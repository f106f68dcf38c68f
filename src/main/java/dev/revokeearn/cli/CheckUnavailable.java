package dev.revokeearn.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code check} in a jar built without it (the library artifact): says where it lives. */
@Command(name = "check", description = "Not in this jar: use the standalone jar.")
final class CheckUnavailable implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Unmatched java.util.List<String> ignored;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println(
            "error: check is in the standalone jar (revoke-earn-<version>-standalone.jar,"
                + " target/revoke-earn-mock.jar), not in this one");
    return ErrorLines.USAGE;
  }
}
