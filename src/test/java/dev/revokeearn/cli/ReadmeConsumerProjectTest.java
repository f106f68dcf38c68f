package dev.revokeearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.testing.Readme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's consumer project is the one the build runs: maven-invoker builds {@code
 * src/it/readme-consumer} (a consumer's pom.xml and test, as a newcomer pastes them) against the
 * artifact the build made, so the two files must be the README's blocks, character for character.
 */
class ReadmeConsumerProjectTest {
  static final Path PROJECT = Path.of("src/it/readme-consumer");

  @Test
  void thePomIsTheReadmes() throws Exception {
    assertThat(Files.readString(PROJECT.resolve("pom.xml")))
        .isEqualTo(Readme.block("<!-- consumer-pom -->"));
  }

  @Test
  void theTestIsTheReadmes() throws Exception {
    assertThat(Files.readString(PROJECT.resolve("src/test/java/RevokeClientTest.java")))
        .isEqualTo(Readme.block("<!-- consumer-test -->"));
  }

  @Test
  void theReadmeNamesTheVersionThisBuildMakes() throws Exception {
    String version = projectVersion();
    assertThat(Readme.block("<!-- consumer-pom -->"))
        .contains("<version>" + version + "</version>");
    assertThat(Readme.block("<!-- ci-fetch -->"))
        .contains("revoke-earn:" + version + ":jar:standalone");
  }

  /** docs/wiremock-extension.md's JUnit snippet is the one the WireMock consumer build runs. */
  @Test
  void theWireMockSnippetIsTheOneTheConsumerBuildRuns() throws Exception {
    Path docs = Path.of("docs/wiremock-extension.md");
    String test =
        Files.readString(
            Path.of(
                "src/it/wiremock-embedded/src/test/java/com/example/badges/OwnWireMockTest.java"));
    assertThat(spaced(test)).contains(spaced(Readme.block(docs, "<!-- wiremock-embedded -->")));
    assertThat(Readme.block(docs, "<!-- wiremock-embedded-dependency -->"))
        .contains("<version>" + projectVersion() + "</version>")
        .contains("<classifier>wiremock-extension</classifier>");
  }

  private static String projectVersion() throws Exception {
    Matcher version =
        Pattern.compile("<artifactId>revoke-earn</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(Path.of("pom.xml")));
    assertThat(version.find()).isTrue();
    return version.group(1);
  }

  private static String spaced(String code) {
    return code.replaceAll("\\s+", " ").strip();
  }
}
