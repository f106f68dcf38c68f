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
 * WireMockServer server = new WireMockServer(
 *     wireMockConfig().dynamicPort().extensions(new RevokeEarnExtensions(state, 65536)));
 * }</pre>
 */
public final class RevokeEarnExtensions implements ExtensionFactory {
  private final MockState state;
  private final ApiPipeline pipeline;

  public RevokeEarnExtensions(MockState state, int maxBodyBytes) {
    this.state = state;
    this.pipeline = new ApiPipeline(state, ContractGate.shared()::join, maxBodyBytes);
  }

  @Override
  public List<Extension> create(WireMockServices services) {
    return List.of(
        new ApiTransformer(pipeline, state.exchanges()),
        new RequestIdStamp(),
        new BuiltInMappings(),
        new StateReset(state),
        new AdminRoutes(state));
  }
}
