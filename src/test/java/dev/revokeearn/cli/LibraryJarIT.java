package dev.revokeearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The library artifact (the test dependency consumers add) brings no class of a package their build
 * may have too: everything is relocated under dev.revokeearn.shaded but the two packages the README
 * names.
 */
class LibraryJarIT {
  private static final List<String> OWN_OR_NAMED =
      List.of(
          "dev/revokeearn/",
          "revoke-earn/",
          "openapi/",
          "org/sqlite/",
          "org/mozilla/",
          "META-INF/",
          // WireMock's own resources, which it loads by these names (wiremock-standalone has them
          // too)
          "keystore",
          "doc-index.html");

  @Test
  void everyClassIsOursRelocatedOrNamedInTheReadme() throws IOException {
    try (JarFile jar = new JarFile(System.getProperty("library.jar"))) {
      List<String> foreign =
          jar.stream()
              .map(ZipEntry::getName)
              .filter(name -> name.endsWith(".class"))
              .filter(name -> OWN_OR_NAMED.stream().noneMatch(name::startsWith))
              .toList();
      assertThat(foreign).as("classes outside our own and the named packages").isEmpty();
      List<String> services =
          jar.stream()
              .map(ZipEntry::getName)
              .filter(name -> name.startsWith("META-INF/services/") && !name.endsWith("/"))
              .filter(name -> !name.startsWith("META-INF/services/dev.revokeearn."))
              .filter(name -> !name.equals("META-INF/services/java.sql.Driver"))
              .toList();
      assertThat(services).as("service registrations of packages that are not relocated").isEmpty();
    }
  }

  /** mvn install publishes the library's sources and javadoc beside it, as IDEs look for them. */
  @Test
  void itsSourcesAndJavadocAreInstalledBesideIt() throws IOException {
    java.nio.file.Path installed =
        java.nio.file.Path.of(System.getProperty("library.jar")).getFileName();
    java.nio.file.Path dir =
        java.nio.file.Path.of("target/it-repo/dev/revokeearn/revoke-earn")
            .resolve(System.getProperty("project.version"));
    String base = installed.toString().replace(".jar", "");
    try (JarFile javadoc = new JarFile(dir.resolve(base + "-javadoc.jar").toFile());
        JarFile sources = new JarFile(dir.resolve(base + "-sources.jar").toFile())) {
      assertThat(javadoc.getEntry("dev/revokeearn/junit/RevokeEarnMockExtension.html")).isNotNull();
      assertThat(javadoc.getEntry("dev/revokeearn/cli/MockCommand.html")).isNull();
      assertThat(sources.getEntry("dev/revokeearn/junit/RevokeEarnMockExtension.java")).isNotNull();
    }
  }
}
