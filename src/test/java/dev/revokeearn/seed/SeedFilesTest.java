package dev.revokeearn.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.revokeearn.state.OrgSnapshot;
import dev.revokeearn.state.SeedSnapshot;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading a seed, and checking it whole into a snapshot, with every problem named by place. */
class SeedFilesTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  static Seed parse(String text) {
    return SeedFiles.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
  }

  static SeedSnapshot snapshot(String text) {
    return SeedSnapshots.of(parse(text), "test", NOW);
  }

  @Test
  void theDefaultSeedHoldsTheDocExamples() {
    OrgSnapshot org = SeedSnapshots.of(SeedFiles.defaultSeed(), "demo", NOW).orgs().get(0);
    assertThat(org.orgId()).isEqualTo(100737);
    assertThat(org.customers()).extracting(c -> c.id()).contains(62090013L);
    assertThat(org.earnInstances())
        .extracting(e -> e.earnedBadgeId(), e -> e.active(), e -> e.requestId())
        .containsExactly(
            tuple("654cbea06bccde1274b6d3a2", true, null),
            tuple("6659551c304b6e0b517b7bc7", true, null),
            tuple("654cbea06bccde1274b6d3a1", false, "seeded-1"));
    assertThat(org.tills()).extracting(t -> t.username()).contains("demo.till");
    assertThat(org.clients()).extracting(c -> c.key()).contains("demo-key");
  }

  @Test
  void readsJsonAsWellAsYamlAndFillsInTheDefaults(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("seed.json");
    Files.writeString(
        file,
        "{\"orgs\":[{\"orgId\":1,\"customers\":[{\"id\":7,\"email\":\"a@b.c\"}],"
            + "\"badges\":[{\"badgeMetaId\":\"AAAAAAAAAAAAAAAAAAAAAAAA\"}],"
            + "\"earnInstances\":[{\"earnedBadgeId\":\"bbbbbbbbbbbbbbbbbbbbbbbb\","
            + "\"badgeMetaId\":\"aaaaaaaaaaaaaaaaaaaaaaaa\",\"customerId\":7}]}]}");
    OrgSnapshot org = SeedSnapshots.of(SeedFiles.read(file), file.toString(), NOW).orgs().get(0);
    assertThat(org.badges().get(0).live()).isTrue();
    assertThat(org.badges().get(0).validity()).isNull();
    assertThat(org.badges().get(0).id()).isEqualTo("aaaaaaaaaaaaaaaaaaaaaaaa");
    assertThat(org.earnInstances().get(0).active()).isTrue();
    assertThat(org.earnInstances().get(0).earnedAt()).isEqualTo(NOW);
  }

  @Test
  void problemsOfTheFileNameTheirPlace(@TempDir Path dir) {
    assertThatThrownBy(() -> SeedFiles.read(dir.resolve("missing.yaml")))
        .hasMessageContaining("does not exist");
    assertThatThrownBy(
            () -> parse("orgs:\n  - orgId: 1\n    customers:\n      - id: 5\n        emial: x\n"))
        .isInstanceOf(SeedException.class)
        .hasMessageContaining("orgs[0].customers[0]")
        .hasMessageContaining("emial");
    assertThatThrownBy(() -> parse("orgs: [\n")).isInstanceOf(SeedException.class);
    assertThatThrownBy(() -> parse("")).hasMessageContaining("empty");
  }

  /**
   * Each found by hand before the checks existed: some threw a NullPointerException, some passed.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          orgs:\\n  - orgId:\\n                                      | test: orgs[0].orgId is required
          orgs:\\n  - name: x\\n                                     | orgId
          orgs: [null]                                               | test: orgs[0] is empty
          orgs: [{orgId: 0}]                                         | test: orgs[0].orgId must be a positive number, got 0
          orgs: [{orgId: 1, customers: [{id: }]}]                    | test: orgs[0].customers[0].id is required
          orgs: [{orgId: 1, customers: [null]}]                      | test: orgs[0].customers[0] is empty
          orgs: [{orgId: 1, customers: [{id: 2, email: ''}]}]         | test: orgs[0].customers[0].email must not be empty
          orgs: [{orgId: 1, customers: [{id: 2, email: a@b}, {id: 3, email: A@B}]}] | test: orgs[0].customers[1] has email A@B, which another customer of the org has too
          orgs: [{orgId: 1, tills: [{username: a}]}]                 | password
          orgs: [{orgId: 1, tills: [{username: a, password: ''}]}]   | test: orgs[0].tills[0].password must not be empty
          orgs: [{orgId: 1, tills: [{username: 'a:b', password: c}]}] | test: orgs[0].tills[0].username must not contain ':'
          orgs: [{orgId: 1, oauthClients: [{key: k, secret: ' '}]}]  | test: orgs[0].oauthClients[0].secret must not be empty
          orgs: [{orgId: 1, oauthClients: [{key: k, secret: s, ttlSeconds: 0}]}] | test: orgs[0].oauthClients[0].ttlSeconds must be positive, got 0
          orgs: [{orgId: 1, badges: [{badgeMetaId: nope}]}]          | test: orgs[0].badges[0].badgeMetaId must be 24 hex characters, got nope
          orgs: [{orgId: 1, badges: [{badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa, validityDays: -1}]}] | test: orgs[0].badges[0].validityDays must be positive, got -1
          orgs: [{orgId: 1, badges: [{badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa, claims: [{ownerType: Loyalty, referenceId: }]}]}] | test: orgs[0].badges[0].claims[0].referenceId must not be empty
          orgs: [{orgId: 1, earnInstances: [{earnedBadgeId: aaaaaaaaaaaaaaaaaaaaaaaa, badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa, customerId: }]}] | test: orgs[0].earnInstances[0].customerId is required
          orgs: [{orgId: 1, customers: [{id: 2}], badges: [{badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa}], earnInstances: [{earnedBadgeId: bbbbbbbbbbbbbbbbbbbbbbb1, badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa, customerId: 2, requestId: r}, {earnedBadgeId: bbbbbbbbbbbbbbbbbbbbbbb2, badgeMetaId: AAAAAAAAAAAAAAAAAAAAAAAA, customerId: 2, requestId: r}]}] | test: orgs[0].earnInstances[1].requestId r appears twice for badge
          orgs: [{orgId: 1, earnInstances: [{earnedBadgeId: bbbbbbbbbbbbbbbbbbbbbbb1, badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa, customerId: 2, requestId: ''}]}] | test: orgs[0].earnInstances[0].requestId must not be empty
          orgs: [{orgId: 1}, {orgId: 1}]                             | test: orgs[1].orgId 1 appears twice
          orgs: [{orgId: 1, tills: [{username: a, password: b}]}, {orgId: 2, tills: [{username: a, password: c}]}] | test: orgs[1].tills[0].username a appears twice
          """)
  void problemsOfTheValuesNameTheirPlace(String yaml, String expected) {
    assertThatThrownBy(() -> snapshot(yaml.replace("\\n", "\n")))
        .isInstanceOf(SeedException.class)
        .hasMessageContaining(expected)
        .hasMessageNotContaining("Exception");
  }
}
