package dev.revokeearn.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The podman command line, for the container image's tests: podman runs containers as root here
 * once told to use runc and no default ulimits ({@code docker/containers.conf}).
 */
public final class Podman {
  private static final Path CONF = Path.of("docker/containers.conf").toAbsolutePath();

  private Podman() {}

  /** What a podman command printed (standard error included) and its exit code. */
  public record Result(int exitCode, String output) {
    public Result ok() {
      if (exitCode != 0) {
        throw new AssertionError("podman exited " + exitCode + ":\n" + output);
      }
      return this;
    }
  }

  /** Why the container tests cannot run here; empty when they can. */
  public static Optional<String> unavailable(String baseImage) {
    try {
      if (run("version").exitCode() != 0) {
        return Optional.of("podman does not run here");
      }
      if (run("image", "exists", baseImage).exitCode() != 0) {
        return Optional.of(
            "no base image "
                + baseImage
                + " (docker/base-image.sh makes one; .ci/run does both installs)");
      }
      Result probe = run("run", "--rm", baseImage, "true");
      if (probe.exitCode() != 0) {
        return Optional.of(
            "podman cannot run a container here: "
                + probe.output().strip().lines().reduce((a, b) -> b).orElse(""));
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("no podman on the PATH (apt-get install -y podman runc)");
    }
  }

  public static Result run(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("podman"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(Map.of("CONTAINERS_CONF", CONF.toString()));
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    try {
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("podman " + String.join(" ", args) + " did not end in 10 min");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  /**
   * The host port a container's port is published on (published with {@code -p 127.0.0.1::PORT}).
   */
  public static int hostPort(String container, int port) throws IOException {
    String mapping =
        run("port", container, String.valueOf(port))
            .ok()
            .output()
            .strip()
            .lines()
            .findFirst()
            .get();
    return Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1));
  }
}
