package dev.revokeearn.wiremock.admin;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.revokeearn.mockstate.MockState;
import dev.revokeearn.seed.Seed;
import dev.revokeearn.seed.SeedFiles;
import java.io.ByteArrayInputStream;
import java.util.Map;

/** {@code POST /__admin/revoke-earn/seed} and the resets: the state's seeds. */
final class SeedResource {
  private final MockState state;

  SeedResource(MockState state) {
    this.state = state;
  }

  /** Adds a seed (the seed file format, YAML or JSON) to the current state. */
  ResponseDefinition apply(byte[] body) {
    Seed seed = SeedFiles.parse(new ByteArrayInputStream(body), "seed");
    state.seeding().apply(seed);
    return AdminAnswers.json(200, Map.of("orgsApplied", seed.orgs().size()));
  }

  /** Back to the start-up seed. */
  ResponseDefinition reset() {
    state.reset();
    return AdminAnswers.json(200, Map.of("reset", true, "orgs", state.orgIds().size()));
  }
}
