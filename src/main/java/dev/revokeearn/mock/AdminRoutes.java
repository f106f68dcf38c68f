package dev.revokeearn.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.revokeearn.auth.BasicCredentials;
import dev.revokeearn.ledger.EarnInstance;
import dev.revokeearn.ledger.EarnLedger;
import dev.revokeearn.seed.SeedException;
import dev.revokeearn.seed.SeedFiles;
import dev.revokeearn.service.MockState;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mock's own admin endpoints, under WireMock's {@code /__admin}:
 *
 * <ul>
 *   <li>{@code GET /__admin/revoke-earn/state}: every org's customers, badges and earn instances;
 *   <li>{@code GET /__admin/revoke-earn/earn-instances/{earnedBadgeId}}: one earn instance;
 *   <li>{@code POST /__admin/revoke-earn/seed}: add a seed (JSON or YAML, the seed file format);
 *   <li>{@code POST /__admin/revoke-earn/orgs}: a fresh, empty org with its own credentials;
 *   <li>{@code DELETE /__admin/revoke-earn/orgs/{orgId}}: remove an org, its state and credentials;
 *   <li>{@code GET /__admin/revoke-earn/orgs/{orgId}/requests}: what the org received and answered.
 * </ul>
 *
 * {@code POST /__admin/reset} (WireMock's own) restores the start-up seed.
 */
final class AdminRoutes implements AdminApiExtension {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private final MockState state;

  AdminRoutes(MockState state) {
    this.state = state;
  }

  @Override
  public String getName() {
    return "revoke-earn-admin";
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    router.add(
        RequestMethod.GET, "/revoke-earn/state", (admin, event, params) -> json(200, state()));
    router.add(
        RequestMethod.GET,
        "/revoke-earn/earn-instances/{earnedBadgeId}",
        (admin, event, params) -> earnInstance(params.get("earnedBadgeId")));
    router.add(
        RequestMethod.POST,
        "/revoke-earn/seed",
        (admin, event, params) -> seed(event.getRequest().getBody()));
    router.add(RequestMethod.POST, "/revoke-earn/orgs", (admin, event, params) -> createOrg());
    router.add(
        RequestMethod.DELETE,
        "/revoke-earn/orgs/{orgId}",
        (admin, event, params) -> removeOrg(params.get("orgId")));
    router.add(
        RequestMethod.GET,
        "/revoke-earn/orgs/{orgId}/requests",
        (admin, event, params) -> exchanges(params.get("orgId")));
  }

  private ResponseDefinition exchanges(String orgId) {
    long id;
    try {
      id = Long.parseLong(orgId);
    } catch (NumberFormatException e) {
      return json(400, error(400, "orgId must be a number, got " + orgId, "orgId"));
    }
    if (state.ledger(id).isEmpty()) {
      return json(404, error(404, "No org " + id, "orgId"));
    }
    return json(200, Map.of("orgId", id, "requests", state.exchanges().of(id)));
  }

  private ResponseDefinition createOrg() {
    MockState.CreatedOrg org = state.createOrg();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("orgId", org.orgId());
    view.put("till", Map.of("username", org.username(), "password", org.password()));
    view.put("oauthClient", Map.of("key", org.key(), "secret", org.secret()));
    view.put("basicAuthorization", BasicCredentials.header(org.username(), org.password()));
    return json(201, view);
  }

  private ResponseDefinition removeOrg(String orgId) {
    long id;
    try {
      id = Long.parseLong(orgId);
    } catch (NumberFormatException e) {
      return json(400, error(400, "orgId must be a number, got " + orgId, "orgId"));
    }
    return state.removeOrg(id)
        ? json(200, Map.of("removed", id))
        : json(404, error(404, "No org " + id, "orgId"));
  }

  private Map<String, Object> state() {
    List<Map<String, Object>> orgs =
        new TreeMap<>(state.orgs())
            .entrySet().stream()
                .map(
                    org -> {
                      Map<String, Object> view = new LinkedHashMap<>();
                      view.put("orgId", org.getKey());
                      view.put("customers", org.getValue().store().customers());
                      view.put("badges", org.getValue().store().badges());
                      view.put("earnInstances", org.getValue().store().earns());
                      return view;
                    })
                .toList();
    return Map.of("orgs", orgs);
  }

  private ResponseDefinition earnInstance(String earnedBadgeId) {
    for (Map.Entry<Long, EarnLedger> org : state.orgs().entrySet()) {
      var found = org.getValue().store().earn(earnedBadgeId);
      if (found.isPresent()) {
        EarnInstance instance = found.get();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("orgId", org.getKey());
        view.put("earnInstance", instance);
        return json(200, view);
      }
    }
    return json(
        404, error(404, "No earn instance " + earnedBadgeId + " in any org", "earnedBadgeId"));
  }

  private ResponseDefinition seed(byte[] body) {
    try {
      var seed = SeedFiles.parse(new ByteArrayInputStream(body), "seed");
      state.apply(seed);
      return json(200, Map.of("orgsApplied", seed.orgs().size()));
    } catch (SeedException | IllegalArgumentException e) {
      return json(400, error(400, e.getMessage(), null));
    }
  }

  private static Map<String, Object> error(int code, String message, String reference) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    error.put("reference", reference);
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("data", null);
    envelope.put("errors", List.of(error));
    envelope.put("warnings", null);
    return envelope;
  }

  private static ResponseDefinition json(int status, Object body) {
    try {
      return new ResponseDefinitionBuilder()
          .withStatus(status)
          .withHeader("Content-Type", "application/json")
          .withBody(JSON.writeValueAsString(body))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Admin views always serialize", e);
    }
  }
}
