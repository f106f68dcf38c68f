package dev.revokeearn.wiremock.admin;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.revokeearn.ledger.LedgerStore;
import dev.revokeearn.ledger.entity.EarnInstance;
import dev.revokeearn.mockstate.MockState;
import dev.revokeearn.state.State;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** {@code GET /__admin/revoke-earn/state} and {@code .../earn-instances/{earnedBadgeId}}. */
final class StateResource {
  private final MockState state;

  StateResource(MockState state) {
    this.state = state;
  }

  /** Every org's customers, badges and earn instances. */
  ResponseDefinition all() {
    State now = state.current();
    List<Map<String, Object>> orgs = new ArrayList<>();
    for (long orgId : new TreeSet<>(now.orgIds())) {
      LedgerStore ledger = now.ledger(orgId).orElseThrow();
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("orgId", orgId);
      view.put("customers", ledger.customers());
      view.put("badges", ledger.badges());
      view.put("earnInstances", ledger.earns());
      orgs.add(view);
    }
    return AdminAnswers.json(200, Map.of("orgs", orgs));
  }

  /**
   * The earn instance and its org; the lowest org id's when several orgs have one of that id, the
   * others named in {@code alsoInOrgs} (ids are unique per org, not across orgs).
   */
  ResponseDefinition earnInstance(String earnedBadgeId) {
    State now = state.current();
    Map<String, Object> view = new LinkedHashMap<>();
    List<Long> alsoIn = new ArrayList<>();
    for (long orgId : new TreeSet<>(now.orgIds())) {
      Optional<EarnInstance> found =
          now.ledger(orgId).flatMap(ledger -> ledger.earn(earnedBadgeId));
      if (found.isPresent() && view.isEmpty()) {
        view.put("orgId", orgId);
        view.put("earnInstance", found.get());
      } else if (found.isPresent()) {
        alsoIn.add(orgId);
      }
    }
    if (view.isEmpty()) {
      return AdminAnswers.problem(
          404, "No earn instance " + earnedBadgeId + " in any org", "earnedBadgeId");
    }
    if (!alsoIn.isEmpty()) {
      view.put("alsoInOrgs", alsoIn);
    }
    return AdminAnswers.json(200, view);
  }
}
