package dev.revokeearn.wiremock.admin;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.revokeearn.auth.BasicCredentials;
import dev.revokeearn.mockstate.CreatedOrg;
import dev.revokeearn.mockstate.MockState;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /__admin/revoke-earn/orgs}: orgs made, removed, and what each received. */
final class OrgResource {
  private final MockState state;

  OrgResource(MockState state) {
    this.state = state;
  }

  /** A fresh, empty org with its own credentials. */
  ResponseDefinition create() {
    CreatedOrg org = state.orgs().create();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("orgId", org.orgId());
    view.put("till", Map.of("username", org.username(), "password", org.password()));
    view.put("oauthClient", Map.of("key", org.key(), "secret", org.secret()));
    view.put("basicAuthorization", BasicCredentials.header(org.username(), org.password()));
    return AdminAnswers.json(201, view);
  }

  ResponseDefinition remove(String orgId) {
    long id = AdminAnswers.number(orgId, "orgId");
    return state.orgs().remove(id)
        ? AdminAnswers.json(200, Map.of("removed", id))
        : AdminAnswers.problem(404, "No org " + id, "orgId");
  }

  /** What the org received and answered, oldest first. */
  ResponseDefinition requests(String orgId) {
    long id = AdminAnswers.number(orgId, "orgId");
    if (state.orgs().ledger(id).isEmpty()) {
      return AdminAnswers.problem(404, "No org " + id, "orgId");
    }
    return AdminAnswers.json(200, Map.of("orgId", id, "requests", state.exchanges().of(id)));
  }
}
