package dev.revokeearn.container;

import static dev.revokeearn.testing.Fixtures.DOC_REVOKE;
import static dev.revokeearn.testing.Fixtures.REVOKE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.conformance.Trust;
import dev.revokeearn.testing.Credentials;
import dev.revokeearn.testing.Podman;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image the Dockerfile makes, run as a CI job runs it, and driven from the host: podman builds
 * it on a base made from Debian packages (docker/base-image.sh; .ci/run installs podman and makes
 * the base). Skipped, saying why, where there is no podman or no base image.
 */
class ContainerImageIT {
  private static final String BASE =
      Optional.ofNullable(System.getenv("REVOKE_EARN_BASE_IMAGE"))
          .orElse("localhost/revoke-earn-base:17");
  private static final String IMAGE = "localhost/revoke-earn:it";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final List<String> containers = new ArrayList<>();
  private final List<String> volumes = new ArrayList<>();

  @BeforeAll
  static void buildTheImage() throws Exception {
    Optional<String> why = Podman.unavailable(BASE);
    if (why.isPresent()) {
      System.out.println("ContainerImageIT skipped: " + why.get());
    }
    Assumptions.assumeTrue(why.isEmpty(), () -> "skipped: " + why.get());
    Podman.run(
            "build",
            "--quiet",
            "--format",
            "docker",
            "--build-arg",
            "BASE_IMAGE=" + BASE,
            "--build-arg",
            "VERSION=" + System.getProperty("project.version", "dev"),
            "-t",
            IMAGE,
            ".")
        .ok();
  }

  @AfterEach
  void removeWhatRan() throws Exception {
    for (String container : containers) {
      Podman.run("rm", "-f", "-t", "0", container);
    }
    for (String volume : volumes) {
      Podman.run("volume", "rm", "-f", volume);
    }
  }

  @Test
  void servesTheRevokePairToTheHostAsANonRootUserOnAReadOnlyRoot() throws Exception {
    String container = start(List.of("--read-only"), List.of());
    String url = url(container, 8080);

    assertThat(get(url + "/__admin/health").statusCode()).isEqualTo(200);
    assertThat(revoke(url, Credentials.demo()).statusCode()).isEqualTo(200);
    HttpResponse<String> again = revoke(url, Credentials.demo());
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("\"code\":814");

    assertThat(Podman.run("exec", container, "id", "-u").ok().output().strip()).isEqualTo("10001");
    assertThat(Podman.run("exec", container, "touch", "/opt/revoke-earn/x").exitCode()).isNotZero();
    assertThat(Podman.run("healthcheck", "run", container).exitCode()).isZero();
  }

  @Test
  void stopsWithExitZeroWithinASecond() throws Exception {
    String container = start(List.of(), List.of());
    get(url(container, 8080) + "/__admin/health");
    long started = System.nanoTime();
    Podman.run("stop", "-t", "10", container).ok();
    long millis = (System.nanoTime() - started) / 1_000_000;
    String exit = Podman.run("inspect", "--format", "{{.State.ExitCode}}", container).ok().output();
    assertThat(exit.strip()).isEqualTo("0");
    assertThat(millis).as("podman stop took %d ms", millis).isLessThan(1000);
  }

  @Test
  void theAdminApiAnswersTheHostOnlyWithTheTokenItWasGiven() throws Exception {
    String closed = start(List.of(), List.of());
    assertThat(post(url(closed, 8080) + "/__admin/reset", null).statusCode()).isEqualTo(403);

    String open =
        start(
            List.of(
                "-e", "REVOKE_EARN_ADMIN_REMOTE=true", "-e", "REVOKE_EARN_ADMIN_TOKEN=it-s3cret"),
            List.of());
    String url = url(open, 8080);
    assertThat(post(url + "/__admin/reset", null).statusCode()).isEqualTo(401);
    assertThat(post(url + "/__admin/reset", "Bearer it-s3cret").statusCode()).isEqualTo(200);
  }

  @Test
  void aMountedSeedAndStateOnAVolumeSurviveARestart(@TempDir Path dir) throws Exception {
    Path seed = dir.resolve("seed.yaml");
    Files.writeString(
        seed,
        """
        orgs:
          - orgId: 5
            tills: [{username: ci.till, password: ci-password}]
            customers: [{id: 1}]
            badges: [{badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa}]
            earnInstances:
              - {earnedBadgeId: bbbbbbbbbbbbbbbbbbbbbbbb, badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa, customerId: 1}
        """);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(seed, PosixFilePermissions.fromString("rw-r--r--"));
    String volume = "revoke-earn-it-" + UUID.randomUUID();
    Podman.run("volume", "create", volume).ok();
    volumes.add(volume);
    String container =
        start(
            List.of("-v", seed + ":/seed.yaml:ro", "-v", volume + ":/data"),
            List.of("--seed", "/seed.yaml", "--state-dir", "/data/state"));
    String ours =
        "{\"badgeMetaId\":\"aaaaaaaaaaaaaaaaaaaaaaaa\",\"customerId\":1,"
            + "\"earnedBadgeId\":\"bbbbbbbbbbbbbbbbbbbbbbbb\"}";
    String till = Credentials.basic("ci.till", "ci-password");
    assertThat(send(url(container, 8080), ours, till).statusCode()).isEqualTo(200);

    Podman.run("restart", "-t", "10", container).ok();
    assertThat(send(url(container, 8080), ours, till).statusCode()).isEqualTo(409);
  }

  @Test
  void servesHttpsWithACertificateTheHostTrusts(@TempDir Path dir) throws Exception {
    // The mock's user (10001) writes the certificate into this directory of the host's.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    String container =
        start(
            List.of("-p", "127.0.0.1::8443", "-v", dir + ":/certs"),
            List.of("--https-port", "8443", "--https-cert-out", "/certs/mock.pem"));
    String https = "https://127.0.0.1:" + Podman.hostPort(container, 8443);
    get(url(container, 8080) + "/__admin/health");
    HttpClient trusting =
        HttpClient.newBuilder()
            .sslContext(Trust.withCaFile(dir.resolve("mock.pem")).sslContext())
            .build();
    HttpResponse<String> answer =
        trusting.send(
            HttpRequest.newBuilder(URI.create(https + REVOKE))
                .header("Authorization", Credentials.demo())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(DOC_REVOKE))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
  }

  /** Starts the image with -p 127.0.0.1::8080 and waits until it answers its health page. */
  private String start(List<String> podmanOptions, List<String> mockArgs) throws Exception {
    String name = "revoke-earn-it-" + UUID.randomUUID();
    List<String> command =
        new ArrayList<>(List.of("run", "-d", "--name", name, "-p", "127.0.0.1::8080"));
    command.addAll(podmanOptions);
    command.add(IMAGE);
    command.addAll(mockArgs);
    containers.add(name);
    Podman.run(command.toArray(String[]::new)).ok();
    return name;
  }

  /** The container's port on the host, once it answers (at most 30 s). */
  private static String url(String container, int port) throws Exception {
    String url = "http://127.0.0.1:" + Podman.hostPort(container, port);
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        if (get(url + "/__admin/health").statusCode() == 200) {
          return url;
        }
      } catch (java.io.IOException e) {
        // not yet listening
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        container + " did not answer in 30 s:\n" + Podman.run("logs", container).output());
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String url, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> revoke(String url, String authorization) throws Exception {
    return send(url, DOC_REVOKE, authorization);
  }

  private static HttpResponse<String> send(String url, String body, String authorization)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url + REVOKE))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
