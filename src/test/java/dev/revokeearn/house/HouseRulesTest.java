package dev.revokeearn.house;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house's shape, read from the sources: each package imports only the packages beneath it (a
 * staircase, so no cycle), none holds more than twelve files, and the domain core speaks no
 * WireMock, Jackson or HTTP.
 */
class HouseRulesTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/revokeearn");

  /** The rooms, lowest first: a room may import those before it, never those after. */
  private static final List<String> STAIRCASE =
      List.of(
          "api",
          "ledger.entity",
          "ledger",
          "gate",
          "faults",
          "state",
          "auth",
          "seed",
          "store",
          "store.migration",
          "mockstate",
          "service",
          "wiremock.api",
          "wiremock.admin",
          "wiremock",
          "mock.tls",
          "mock.journal",
          "mock.http",
          "mock.direct",
          "mock",
          "junit",
          "conformance.result",
          "conformance",
          "conformance.glue",
          "pact",
          "cli");

  private static final Pattern IMPORT =
      Pattern.compile("(?m)^import (?:static )?dev\\.revokeearn\\.([a-z.]+)\\.[A-Z]");

  @Test
  void everyPackageIsARoomOfTheStaircaseAndImportsOnlyRoomsBeneathIt() throws IOException {
    Map<String, List<Path>> packages = packages();
    assertThat(STAIRCASE).containsAll(packages.keySet());
    List<String> upward = new ArrayList<>();
    for (Map.Entry<String, List<Path>> room : packages.entrySet()) {
      int rank = STAIRCASE.indexOf(room.getKey());
      for (Path file : room.getValue()) {
        Matcher imported = IMPORT.matcher(Files.readString(file));
        while (imported.find()) {
          String target = imported.group(1);
          if (target.startsWith("contract") || target.startsWith("admin.model")) {
            continue; // generated from the contracts: beneath every room
          }
          if (STAIRCASE.indexOf(target) >= rank && !target.equals(room.getKey())) {
            upward.add(SOURCES.relativize(file) + " imports " + target);
          }
        }
      }
    }
    assertThat(upward).as("imports up the staircase").isEmpty();
  }

  @Test
  void noPackageHoldsMoreThanTwelveFiles() throws IOException {
    packages()
        .forEach(
            (name, files) -> assertThat(files).as("files in " + name).hasSizeLessThanOrEqualTo(12));
  }

  @Test
  void theDomainCoreSpeaksNoWireMockJacksonOrHttp() throws IOException {
    List<Path> core = new ArrayList<>(packages().get("ledger"));
    core.addAll(packages().get("ledger.entity"));
    for (Path file : core) {
      assertThat(Files.readString(file))
          .as(file.toString())
          .doesNotContain("import com.github.tomakehurst")
          .doesNotContain("import com.fasterxml")
          .doesNotContain("import jakarta.servlet")
          .doesNotContain("import org.eclipse.jetty");
    }
  }

  private static Map<String, List<Path>> packages() throws IOException {
    Map<String, List<Path>> packages = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      files
          .filter(file -> file.toString().endsWith(".java"))
          .forEach(
              file ->
                  packages
                      .computeIfAbsent(
                          SOURCES.relativize(file.getParent()).toString().replace('/', '.'),
                          name -> new ArrayList<>())
                      .add(file));
    }
    return packages;
  }
}
