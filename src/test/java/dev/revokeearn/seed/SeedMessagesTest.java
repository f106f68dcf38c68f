package dev.revokeearn.seed;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A seed that does not parse is explained in the seed format's words, never in Java's. */
class SeedMessagesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          orgs: [{orgId: x}]                          | test: at orgs[0].orgId: expected a whole number, got "x"
          orgs: [{orgId: 1, customers: [x]}]          | test: at orgs[0].customers[0]: expected key: value pairs, got the text "x"
          orgs: [{orgId: 1, badges: [{badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa, live: maybe}]}] | test: at orgs[0].badges[0].live: expected true or false, got "maybe"
          orgs: [{orgId: 1, badges: [{badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa, earnType: GIFT}]}] | test: at orgs[0].badges[0].earnType: expected EARN or ISSUE_AND_EARN, got "GIFT"
          orgs: 7                                     | test: at orgs: expected a list, got the number 7
          orgs: [{name: x}]                           | test: at orgs[0].orgId: this key is required but missing
          orgs: [{orgId: [1]}]                        | test: at orgs[0].orgId: expected a whole number, got a list
          orgs: [{orgId: 1.9}]                        | test: at orgs[0].orgId: expected a whole number, got "1.9"
          orgs: [{orgId: 1, orgId: 2}]                | test: at orgs[0]: the key orgId appears twice
          orgs: [{orgId: 1, customers: [&a {id: 1}, *a]}] | test: at orgs[0].customers[1]: expected key: value pairs, got the alias *a (the seed format takes no YAML aliases)
          orgs: [{orgId: 1, name: a\u0001b}]          | test: the character U+0001 at character 26 of the file is not allowed in YAML
          """)
  void namesThePlaceWithoutJava(String yaml, String expected) {
    assertThatThrownBy(
            () ->
                SeedFiles.parse(
                    new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test"))
        .isInstanceOf(SeedException.class)
        .hasMessageContaining(expected)
        .hasMessageNotContaining("java.")
        .hasMessageNotContaining("dev.revokeearn");
  }

  @org.junit.jupiter.api.Test
  void quotesTheUsersTextAsWrittenEvenWhenItLooksLikeJava() {
    String yaml = "java.lang.Boolean `java.lang.Boolean` 'x";
    assertThatThrownBy(
            () ->
                SeedFiles.parse(
                    new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test"))
        .hasMessage("test: at top level: expected key: value pairs, got the text \"" + yaml + "\"");
  }
}
