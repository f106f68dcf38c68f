package dev.revokeearn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** check --data: values arrive as written, and anything else is refused with the place named. */
class DataFilesTest {
  static final Set<String> KEYS =
      Set.of("customerId", "referenceId", "ownerType", "mobile", "email");

  static Map<String, String> read(String text) {
    return DataFiles.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "--data f", KEYS);
  }

  @Test
  void valuesAreTextAsWrittenNotYamlOneOneGuesses() {
    assertThat(
            read("referenceId: 0123\nownerType: yes\nmobile: 1_000\ncustomerId: 0x3B3\nemail: ~\n"))
        .containsEntry("referenceId", "0123")
        .containsEntry("ownerType", "yes")
        .containsEntry("mobile", "1_000")
        .containsEntry("customerId", "0x3B3")
        .containsEntry("email", "~");
    assertThat(read("{\"customerId\": \"62090013\", \"referenceId\": \"1\"}"))
        .containsEntry("customerId", "62090013");
  }

  @Test
  void anEmptyOrCommentOnlyFileGivesNoValues() {
    assertThat(read("")).isEmpty();
    assertThat(read("# only a comment\n")).isEmpty();
  }

  @Test
  void whatIsNotOneFlatMappingOfKnownKeysIsRefused() {
    assertThatThrownBy(() -> read("email: a\nemail: b\n"))
        .hasMessageContaining("duplicate key email");
    assertThatThrownBy(() -> read("email: a\n---\nemail: b\n"))
        .hasMessageContaining("more than one YAML document");
    assertThatThrownBy(() -> read("- a\n")).hasMessageContaining("must be key: value lines");
    assertThatThrownBy(() -> read("badge: x\n")).hasMessageContaining("unknown key badge");
    assertThatThrownBy(() -> read("email: {a: b}\n"))
        .hasMessageContaining("email must be a single value");
    assertThatThrownBy(() -> read("email: [a\n")).hasMessageStartingWith("--data f: ");
  }
}
