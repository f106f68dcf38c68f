package dev.revokeearn.wiremock.admin;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.revokeearn.admin.model.ProviderStateChange;
import dev.revokeearn.mockstate.MockState;
import dev.revokeearn.mockstate.ProviderStateException;
import dev.revokeearn.service.Envelopes;
import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /__admin/revoke-earn/provider-states}: the state-change URL a Pact verifier calls
 * before (setup) and after (teardown) each interaction.
 */
final class ProviderStateResource {
  private final MockState state;

  ProviderStateResource(MockState state) {
    this.state = state;
  }

  ResponseDefinition change(byte[] body) {
    ProviderStateChange change;
    try {
      change = Envelopes.JSON.readValue(body, ProviderStateChange.class);
    } catch (IOException e) {
      return AdminAnswers.problem(
          400, "The state change is not valid JSON: " + e.getMessage(), null);
    }
    Map<String, Object> params = change.getParams() == null ? Map.of() : change.getParams();
    try {
      if (change.getAction() == ProviderStateChange.ActionEnum.TEARDOWN) {
        state.providerStates().tearDown(change.getState(), params);
        return AdminAnswers.json(200, Map.of());
      }
      return AdminAnswers.json(200, state.providerStates().setUp(change.getState(), params));
    } catch (ProviderStateException e) {
      return AdminAnswers.problem(400, e.getMessage(), e.reference());
    }
  }
}
