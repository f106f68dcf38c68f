package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.extension.StubLifecycleListener;
import dev.revokeearn.service.MockState;

/** WireMock's own {@code POST /__admin/reset} also brings the ledger back to its seed. */
final class StateReset implements StubLifecycleListener {
  private final MockState state;

  StateReset(MockState state) {
    this.state = state;
  }

  @Override
  public String getName() {
    return "revoke-earn-state-reset";
  }

  @Override
  public void afterStubsReset() {
    state.reset();
  }
}
