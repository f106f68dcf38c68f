package dev.revokeearn.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedFilesTest {
  static Seed parse(String text) {
    return SeedFiles.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
  }

  @Test
  void theDefaultSeedHoldsTheDocExamples() {
    Seed seed = SeedFiles.defaultSeed();
    Seed.Org org = seed.orgs().get(0);
    assertThat(org.customers()).extracting(Seed.CustomerEntry::id).contains(62090013L);
    assertThat(org.earnInstances())
        .extracting(Seed.EarnEntry::earnedBadgeId)
        .containsExactly("654cbea06bccde1274b6d3a2", "6659551c304b6e0b517b7bc7");
    assertThat(org.tills()).extracting(Seed.TillEntry::username).contains("demo.till");
    assertThat(org.oauthClients()).extracting(Seed.OAuthClientEntry::key).contains("demo-key");
  }

  @Test
  void readsJsonAsWellAsYaml(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("seed.json");
    Files.writeString(
        file,
        "{\"orgs\":[{\"orgId\":1,\"customers\":[{\"id\":7,\"email\":\"a@b.c\"}],"
            + "\"badges\":[{\"badgeMetaId\":\"aaaaaaaaaaaaaaaaaaaaaaaa\"}],"
            + "\"earnInstances\":[{\"earnedBadgeId\":\"bbbbbbbbbbbbbbbbbbbbbbbb\","
            + "\"badgeMetaId\":\"aaaaaaaaaaaaaaaaaaaaaaaa\",\"customerId\":7}]}]}");
    Seed seed = SeedFiles.read(file);
    Seed.BadgeEntry badge = seed.orgs().get(0).badges().get(0);
    assertThat(badge.toBadge().live()).isTrue();
    assertThat(badge.toBadge().validity()).isNull();
    assertThat(seed.orgs().get(0).earnInstances().get(0).active()).isNull();
  }

  @Test
  void problemsNameTheirPlace(@TempDir Path dir) {
    assertThatThrownBy(() -> SeedFiles.read(dir.resolve("missing.yaml")))
        .hasMessageContaining("does not exist");
    assertThatThrownBy(
            () -> parse("orgs:\n  - orgId: 1\n    customers:\n      - id: 5\n        emial: x\n"))
        .isInstanceOf(SeedException.class)
        .hasMessageContaining("orgs[0].customers[0]")
        .hasMessageContaining("emial");
    assertThatThrownBy(() -> parse("orgs:\n  - orgId: 1\n    badges:\n      - badgeMetaId: nope\n"))
        .hasMessage("test: orgs[0].badges[0].badgeMetaId must be 24 hex characters, got nope");
    assertThatThrownBy(() -> parse("orgs:\n  - name: x\n")).hasMessageContaining("orgId");
    assertThatThrownBy(() -> parse("orgs: [\n")).isInstanceOf(SeedException.class);
    assertThatThrownBy(() -> parse("")).hasMessageContaining("empty");
    assertThatThrownBy(
            () ->
                parse(
                    "orgs:\n  - orgId: 1\n    tills: [{username: a, password: b}]\n  - orgId: 2\n    tills: [{username: a, password: c}]\n"))
        .hasMessageContaining("orgs[1].tills[0].username a appears twice");
  }
}
