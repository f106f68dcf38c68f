package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import dev.revokeearn.gate.ContractGate;
import dev.revokeearn.service.ApiPipeline;
import dev.revokeearn.service.MockState;
import java.util.List;

/**
 * The front door: wires the reference implementation once and hands WireMock its few extensions.
 *
 * <pre>{@code
 * MockState state = new MockState(SeedFiles.defaultSeed(), Clock.systemUTC());
 * WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort()
 *     .extensions(new RevokeEarnExtensions(state, 65536, new AdminGuard(false, null))));
 * }</pre>
 */
public final class RevokeEarnExtensions implements ExtensionFactory {
  private final MockState state;
  private final ReferenceApi api;
  private final HandedOver handedOver = new HandedOver();
  private final AdminGuard guard;

  /**
   * @param guard who may use the admin API (also checked by our admin filter, which WireMock runs
   *     before its own check)
   */
  RevokeEarnExtensions(MockState state, int maxBodyBytes, AdminGuard guard) {
    this.state = state;
    this.api =
        new ReferenceApi(
            new ApiPipeline(state, () -> ContractGate.shared().join(), maxBodyBytes),
            state.exchanges());
    this.guard = guard;
  }

  @Override
  public List<Extension> create(WireMockServices services) {
    return List.of(
        new ApiRouter(api, handedOver),
        new RequestIdStamp(),
        new AdminReset(state, guard),
        new NoRecording(),
        new StubStatusCheck(),
        new AdminRoutes(state),
        new EnvelopeServerFactory(
            new DirectRoute(
                api,
                handedOver,
                services.getStores(),
                !services.getOptions().getStubRequestLoggingDisabled()),
            new AdminDoor(guard)));
  }
}
