package dev.revokeearn.cli;

import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The mock's flags that take their default from the environment (the container image sets
 * REVOKE_EARN_BIND, a CI job REVOKE_EARN_SEED): a flag given wins; a variable that is empty counts
 * as unset. An error about a value that came from a variable names the variable.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
  static final Map<String, String> VARIABLES =
      Map.ofEntries(
          Map.entry("--port", "REVOKE_EARN_PORT"),
          Map.entry("--bind", "REVOKE_EARN_BIND"),
          Map.entry("--seed", "REVOKE_EARN_SEED"),
          Map.entry("--root-dir", "REVOKE_EARN_ROOT_DIR"),
          Map.entry("--state-dir", "REVOKE_EARN_STATE_DIR"),
          Map.entry("--state-url", "REVOKE_EARN_STATE_URL"),
          Map.entry("--admin-token", "REVOKE_EARN_ADMIN_TOKEN"),
          Map.entry("--admin-remote", "REVOKE_EARN_ADMIN_REMOTE"),
          Map.entry("--https-port", "REVOKE_EARN_HTTPS_PORT"),
          Map.entry("--https-cert-out", "REVOKE_EARN_HTTPS_CERT_OUT"));

  private final Map<String, String> env;

  EnvironmentDefaults(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (arg instanceof OptionSpec option) {
      return value(option.longestName()).orElse(null);
    }
    return null;
  }

  /**
   * " (from the environment variable X)" when a problem is about a flag that was not given and took
   * X's value; else empty.
   */
  String source(String problem, CommandLine.ParseResult given) {
    for (Map.Entry<String, String> flag : VARIABLES.entrySet()) {
      boolean about =
          problem.startsWith(flag.getKey()) || problem.contains("'" + flag.getKey() + "'");
      if (about
          && (given == null || !given.hasMatchedOption(flag.getKey()))
          && value(flag.getKey()).isPresent()) {
        return " (from the environment variable " + flag.getValue() + ")";
      }
    }
    return "";
  }

  private Optional<String> value(String flag) {
    String variable = VARIABLES.get(flag);
    String value = variable == null ? null : env.get(variable);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
