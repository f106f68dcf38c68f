package dev.revokeearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
        .isEqualTo(ReadmeSessionIT.block(readme(), "<!-- consumer-pom -->"));
  }

  @Test
  void theTestIsTheReadmes() throws Exception {
    assertThat(Files.readString(PROJECT.resolve("src/test/java/RevokeClientTest.java")))
        .isEqualTo(ReadmeSessionIT.block(readme(), "<!-- consumer-test -->"));
  }

  @Test
  void theReadmeNamesTheVersionThisBuildMakes() throws Exception {
    Matcher version =
        Pattern.compile("<artifactId>revoke-earn</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(Path.of("pom.xml")));
    assertThat(version.find()).isTrue();
    assertThat(ReadmeSessionIT.block(readme(), "<!-- consumer-pom -->"))
        .contains("<version>" + version.group(1) + "</version>");
    assertThat(ReadmeSessionIT.block(readme(), "<!-- ci-fetch -->"))
        .contains("revoke-earn:" + version.group(1) + ":jar:standalone");
  }

  private static String readme() throws Exception {
    return Files.readString(Path.of("README.md"));
  }
}
