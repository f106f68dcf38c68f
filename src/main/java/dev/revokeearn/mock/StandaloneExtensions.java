package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import dev.revokeearn.mock.direct.DirectRoute;
import dev.revokeearn.mock.http.AdminGuard;
import dev.revokeearn.mock.http.EnvelopeServerFactory;
import dev.revokeearn.wiremock.RevokeEarnExtensions;
import dev.revokeearn.wiremock.admin.ResetFilter;
import dev.revokeearn.wiremock.api.HandedOver;
import dev.revokeearn.wiremock.api.Routes;
import java.time.Duration;
import java.util.List;

/**
 * What the standalone mock adds to the extension it hosts: its own routing (a fallback no admin
 * call removes, and the direct route before WireMock), its reset (which answers why when the seed
 * no longer reads), a request id on every stub's answer, the hardened server (error boundary,
 * bounded bodies, the admin door), and two refusals of WireMock's own admin calls (recording; a
 * stub with a status no client can read).
 */
final class StandaloneExtensions implements ExtensionFactory {
  private final RevokeEarnExtensions core;
  private final AdminGuard guard;
  private final int maxBodyBytes;
  private final Duration bodyDeadline;

  StandaloneExtensions(
      RevokeEarnExtensions core, AdminGuard guard, int maxBodyBytes, Duration bodyDeadline) {
    this.core = core;
    this.guard = guard;
    this.maxBodyBytes = maxBodyBytes;
    this.bodyDeadline = bodyDeadline;
  }

  @Override
  public List<Extension> create(WireMockServices services) {
    Routes routes = Routes.packed();
    HandedOver handedOver = new HandedOver();
    DirectRoute direct =
        new DirectRoute(
            core.api(),
            routes,
            handedOver,
            services.getStores(),
            !services.getOptions().getStubRequestLoggingDisabled());
    return List.of(
        new ApiFallback(core.api(), routes, handedOver),
        new ResetFilter(core.state(), () -> services.getOptions().getAdminAuthenticator()),
        new RequestIdStamp(),
        new NoRecording(),
        new StubStatusCheck(),
        new EnvelopeServerFactory(direct, direct::serves, guard, maxBodyBytes, bodyDeadline));
  }
}
