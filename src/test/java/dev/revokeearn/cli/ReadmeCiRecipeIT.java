package dev.revokeearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.testing.Readme;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md's CI recipe as a job runs it: the jar fetched with the README's command (from the
 * repository the build's consumer builds install into, as a CI job fetches it from yours), then
 * started in the background, waited for, used, and stopped. The job's result is the tests' own, and
 * the mock is stopped either way.
 */
class ReadmeCiRecipeIT {
  /** Where the README's fetch command put the jar; each recipe runs here. */
  @TempDir static Path dir;

  @BeforeAll
  static void fetchTheJarAsTheReadmeSays() throws Exception {
    Path repository = Path.of("target/it-repo").toAbsolutePath();
    assertThat(repository.resolve("dev/revokeearn")).as("installed by maven-invoker").isDirectory();
    ProcessBuilder bash =
        new ProcessBuilder("bash", "-c", "set -e\n" + fetch())
            .directory(dir.toFile())
            .redirectErrorStream(true);
    bash.environment().put("MAVEN_OPTS", "-Dmaven.repo.local=" + repository);
    Process process = bash.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  @Test
  void testsThatPassMakeAJobThatPasses() throws Exception {
    Result run = run(recipe() + "\necho \"served at $CAPILLARY_BASE_URL\"\n");

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).containsPattern("served at http://127\\.0\\.0\\.1:\\d+");
    assertThat(run.mockStopped()).isTrue();
  }

  @Test
  void testsThatFailMakeAJobThatFailsAndTheMockStillStops() throws Exception {
    Result run =
        run(
            recipe()
                + "\necho \"served at $CAPILLARY_BASE_URL\"\ncurl -sf \"$CAPILLARY_BASE_URL/no-such-path\"\necho unreachable\n");

    assertThat(run.exit()).as(run.output()).isNotZero();
    assertThat(run.output()).doesNotContain("unreachable");
    assertThat(run.mockStopped()).isTrue();
  }

  @Test
  void aMockThatCannotStartFailsTheJobWithItsReason() throws Exception {
    Result run = run(recipe().replace("--port 0", "--port 0 --seed missing.yaml"));

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output()).contains("missing.yaml does not exist");
  }

  private record Result(int exit, String output, boolean mockStopped) {}

  private Result run(String script) throws Exception {
    ProcessBuilder bash =
        new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true);
    Process process = bash.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Matcher served = Pattern.compile("served at http://127\\.0\\.0\\.1:(\\d+)").matcher(output);
    boolean stopped = !served.find() || !listening(Integer.parseInt(served.group(1)));
    return new Result(process.exitValue(), output, stopped);
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String recipe() throws IOException {
    return Readme.block("<!-- ci-serve -->");
  }

  private static String fetch() throws IOException {
    return Readme.block("<!-- ci-fetch -->");
  }
}
