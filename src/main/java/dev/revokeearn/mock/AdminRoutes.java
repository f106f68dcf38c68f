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
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.revokeearn.auth.BasicCredentials;
import dev.revokeearn.ledger.EarnInstance;
import dev.revokeearn.ledger.LedgerStore;
import dev.revokeearn.seed.SeedException;
import dev.revokeearn.seed.SeedFiles;
import dev.revokeearn.service.MockState;
import dev.revokeearn.state.State;
import dev.revokeearn.state.StateConflict;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The mock's own admin endpoints, under WireMock's {@code /__admin}:
 *
 * <ul>
 *   <li>{@code GET /__admin/revoke-earn/state}: every org's customers, badges and earn instances;
 *   <li>{@code GET /__admin/revoke-earn/earn-instances/{earnedBadgeId}}: one earn instance;
 *   <li>{@code POST /__admin/revoke-earn/seed}: add a seed (JSON or YAML, the seed file format);
 *   <li>{@code POST /__admin/revoke-earn/orgs}: a fresh, empty org with its own credentials;
 *   <li>{@code DELETE /__admin/revoke-earn/orgs/{orgId}}: remove an org, its state and credentials;
 *   <li>{@code GET /__admin/revoke-earn/orgs/{orgId}/requests}: what the org received and answered;
 *   <li>{@code POST /__admin/revoke-earn/reset}: restore the start-up seed (WireMock's own {@code
 *       POST /__admin/reset} does too, see {@link AdminReset});
 *   <li>{@code POST|GET /__admin/revoke-earn/faults}, {@code DELETE
 *       /__admin/revoke-earn/faults/{id}}: declared faults ({@link FaultRoutes}).
 * </ul>
 *
 * They are described by {@code openapi/revoke-earn-admin.yaml}, and each request is checked against
 * it first ({@link AdminContract}). Every error is the Capillary envelope, with the problem named.
 */
final class AdminRoutes implements AdminApiExtension {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private final MockState state;
  private final FaultRoutes faults;
  private final AdminContract contract = new AdminContract();

  AdminRoutes(MockState state) {
    this.state = state;
    this.faults = new FaultRoutes(state);
  }

  @Override
  public String getName() {
    return "revoke-earn-admin";
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    // WireMock finds a route's path template by its task's class: one lambda per route.
    router.add(
        RequestMethod.GET, "/revoke-earn/state", (a, e, p) -> checked(e, () -> json(200, state())));
    router.add(
        RequestMethod.GET,
        "/revoke-earn/earn-instances/{earnedBadgeId}",
        (a, e, p) -> checked(e, () -> earnInstance(p.get("earnedBadgeId"))));
    router.add(
        RequestMethod.POST,
        "/revoke-earn/seed",
        (a, e, p) -> checked(e, () -> seed(e.getRequest().getBody())));
    router.add(RequestMethod.POST, "/revoke-earn/orgs", (a, e, p) -> checked(e, () -> createOrg()));
    router.add(
        RequestMethod.DELETE,
        "/revoke-earn/orgs/{orgId}",
        (a, e, p) -> checked(e, () -> removeOrg(p.get("orgId"))));
    router.add(
        RequestMethod.GET,
        "/revoke-earn/orgs/{orgId}/requests",
        (a, e, p) -> checked(e, () -> exchanges(p.get("orgId"))));
    router.add(RequestMethod.POST, "/revoke-earn/reset", (a, e, p) -> checked(e, this::reset));
    router.add(
        RequestMethod.POST,
        "/revoke-earn/faults",
        (a, e, p) -> checked(e, () -> faults.declare(e.getRequest().getBody())));
    router.add(
        RequestMethod.GET, "/revoke-earn/faults", (a, e, p) -> checked(e, () -> faults.list()));
    router.add(
        RequestMethod.DELETE,
        "/revoke-earn/faults/{faultId}",
        (a, e, p) -> checked(e, () -> faults.remove(p.get("faultId"))));
    // Added after WireMock's own routes, so it answers only what none of them does.
    router.add(
        RequestMethod.ANY,
        "/**",
        (admin, event, params) ->
            problem(
                404,
                "No admin endpoint "
                    + event.getRequest().getMethod()
                    + " "
                    + ValidatorRequest.path(event.getRequest().getUrl()),
                null));
  }

  /** The route's answer, once the request has passed the admin contract. */
  private ResponseDefinition checked(ServeEvent event, Supplier<ResponseDefinition> route) {
    List<Map<String, Object>> violations = contract.violations(event.getRequest());
    return violations.isEmpty() ? route.get() : problem(400, violations);
  }

  private ResponseDefinition reset() {
    try {
      state.reset();
      return json(200, Map.of("reset", true, "orgs", state.orgIds().size()));
    } catch (SeedException | StateConflict e) {
      return problem(400, e.getMessage(), null);
    }
  }

  private ResponseDefinition exchanges(String orgId) {
    long id;
    try {
      id = Long.parseLong(orgId);
    } catch (NumberFormatException e) {
      return problem(400, "orgId must be a number, got " + orgId, "orgId");
    }
    if (state.ledger(id).isEmpty()) {
      return problem(404, "No org " + id, "orgId");
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
      return problem(400, "orgId must be a number, got " + orgId, "orgId");
    }
    return state.removeOrg(id)
        ? json(200, Map.of("removed", id))
        : problem(404, "No org " + id, "orgId");
  }

  private Map<String, Object> state() {
    State now = state.current();
    List<Map<String, Object>> orgs =
        new TreeSet<>(now.orgIds())
            .stream()
                .map(
                    orgId -> {
                      LedgerStore ledger = now.ledger(orgId).orElseThrow();
                      Map<String, Object> view = new LinkedHashMap<>();
                      view.put("orgId", orgId);
                      view.put("customers", ledger.customers());
                      view.put("badges", ledger.badges());
                      view.put("earnInstances", ledger.earns());
                      return view;
                    })
                .toList();
    return Map.of("orgs", orgs);
  }

  private ResponseDefinition earnInstance(String earnedBadgeId) {
    State now = state.current();
    for (long orgId : new TreeSet<>(now.orgIds())) {
      var found = now.ledger(orgId).flatMap(ledger -> ledger.earn(earnedBadgeId));
      if (found.isPresent()) {
        EarnInstance instance = found.get();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("orgId", orgId);
        view.put("earnInstance", instance);
        return json(200, view);
      }
    }
    return problem(404, "No earn instance " + earnedBadgeId + " in any org", "earnedBadgeId");
  }

  private ResponseDefinition seed(byte[] body) {
    try {
      var seed = SeedFiles.parse(new ByteArrayInputStream(body), "seed");
      state.apply(seed);
      return json(200, Map.of("orgsApplied", seed.orgs().size()));
    } catch (SeedException | StateConflict e) {
      return problem(400, e.getMessage(), null);
    }
  }

  /** An admin error: the status, and the problem named in Capillary's envelope. */
  static ResponseDefinition problem(int status, List<Map<String, Object>> errors) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("data", null);
    envelope.put("errors", errors);
    envelope.put("warnings", null);
    return json(status, envelope);
  }

  /** An admin error: the status, and the problem named in Capillary's envelope. */
  static ResponseDefinition problem(int status, String message, String reference) {
    return json(status, error(status, message, reference));
  }

  private static Map<String, Object> error(int code, String message, String reference) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("data", null);
    envelope.put("errors", List.of(errorItem(code, message, reference)));
    envelope.put("warnings", null);
    return envelope;
  }

  static Map<String, Object> errorItem(int code, String message, String reference) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    error.put("reference", reference);
    return error;
  }

  static ResponseDefinition json(int status, Object body) {
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
