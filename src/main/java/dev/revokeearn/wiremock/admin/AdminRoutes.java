package dev.revokeearn.wiremock.admin;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.revokeearn.faults.FaultSpecException;
import dev.revokeearn.gate.ContractViolation;
import dev.revokeearn.mockstate.MockState;
import dev.revokeearn.seed.SeedException;
import dev.revokeearn.service.ApiProblem;
import dev.revokeearn.state.StateConflict;
import java.util.List;
import java.util.function.Supplier;

/**
 * The mock's own admin endpoints, under WireMock's {@code /__admin/revoke-earn/}, as {@code
 * openapi/revoke-earn-admin.yaml} describes them; each request is checked against it first ({@link
 * AdminContract}), and every error is an envelope naming the problem.
 */
public final class AdminRoutes implements AdminApiExtension {
  private final StateResource state;
  private final SeedResource seeds;
  private final OrgResource orgs;
  private final FaultResource faults;
  private final ProviderStateResource providerStates;
  private final String unknownPaths;

  /**
   * @param everyUnknownPath whether an unknown path anywhere under {@code /__admin} gets this API's
   *     404 (the standalone mock's), or only one under {@code /__admin/revoke-earn/} (in a user's
   *     WireMock, the rest is WireMock's)
   */
  public AdminRoutes(MockState mock, boolean everyUnknownPath) {
    this.unknownPaths = everyUnknownPath ? "/**" : "/revoke-earn/**";
    this.state = new StateResource(mock);
    this.seeds = new SeedResource(mock);
    this.orgs = new OrgResource(mock);
    this.faults = new FaultResource(mock);
    this.providerStates = new ProviderStateResource(mock);
  }

  @Override
  public String getName() {
    return "revoke-earn-admin";
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    // WireMock finds a route's path template by its task's class: one lambda per route.
    router.add(RequestMethod.GET, "/revoke-earn/state", (a, e, p) -> checked(e, state::all));
    router.add(
        RequestMethod.GET,
        "/revoke-earn/earn-instances/{earnedBadgeId}",
        (a, e, p) -> checked(e, () -> state.earnInstance(p.get("earnedBadgeId"))));
    router.add(
        RequestMethod.POST,
        "/revoke-earn/seed",
        (a, e, p) -> checked(e, () -> seeds.apply(e.getRequest().getBody())));
    router.add(RequestMethod.POST, "/revoke-earn/reset", (a, e, p) -> checked(e, seeds::reset));
    router.add(RequestMethod.POST, "/revoke-earn/orgs", (a, e, p) -> checked(e, orgs::create));
    router.add(
        RequestMethod.DELETE,
        "/revoke-earn/orgs/{orgId}",
        (a, e, p) -> checked(e, () -> orgs.remove(p.get("orgId"))));
    router.add(
        RequestMethod.GET,
        "/revoke-earn/orgs/{orgId}/requests",
        (a, e, p) -> checked(e, () -> orgs.requests(p.get("orgId"))));
    router.add(
        RequestMethod.POST,
        "/revoke-earn/faults",
        (a, e, p) -> checked(e, () -> faults.declare(e.getRequest().getBody())));
    router.add(RequestMethod.GET, "/revoke-earn/faults", (a, e, p) -> checked(e, faults::list));
    router.add(
        RequestMethod.DELETE,
        "/revoke-earn/faults/{faultId}",
        (a, e, p) -> checked(e, () -> faults.remove(p.get("faultId"))));
    router.add(
        RequestMethod.POST,
        "/revoke-earn/provider-states",
        (a, e, p) -> checked(e, () -> providerStates.change(e.getRequest().getBody())));
    // Added after WireMock's own routes, so it answers only what none of them does.
    router.add(
        RequestMethod.ANY,
        unknownPaths,
        (admin, event, params) ->
            AdminAnswers.problem(
                404,
                "No admin endpoint "
                    + event.getRequest().getMethod()
                    + " /__admin"
                    + event.getRequest().getUrl().split("\\?", 2)[0],
                null));
  }

  /** The route's answer, once the request has passed the admin contract; a refusal named. */
  private static ResponseDefinition checked(ServeEvent event, Supplier<ResponseDefinition> route) {
    List<ContractViolation> violations = AdminContract.violations(event.getRequest());
    if (!violations.isEmpty()) {
      return AdminAnswers.violations(violations);
    }
    try {
      return route.get();
    } catch (ApiProblem problem) {
      return AdminAnswers.problem(problem);
    } catch (FaultSpecException e) {
      return AdminAnswers.problem(400, e.getMessage(), e.reference());
    } catch (SeedException | StateConflict e) {
      return AdminAnswers.problem(400, e.getMessage(), null);
    }
  }
}
