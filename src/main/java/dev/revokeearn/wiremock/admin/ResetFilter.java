package dev.revokeearn.wiremock.admin;

import com.github.tomakehurst.wiremock.extension.requestfilter.AdminRequestFilterV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.security.Authenticator;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.revokeearn.mockstate.MockState;
import dev.revokeearn.seed.SeedException;
import dev.revokeearn.state.StateConflict;
import java.util.function.Supplier;

/**
 * {@code POST /__admin/reset} (WireMock's reset, what its clients call) puts the seed back first;
 * when the seed no longer reads or checks, nothing is reset and the answer says why. Other stub
 * changes ({@code DELETE /__admin/mappings}, imports) leave the state alone. Filters run before
 * WireMock checks admin credentials, so this one checks them itself, with the host's own.
 */
public final class ResetFilter implements AdminRequestFilterV2 {
  private final MockState state;
  private final Supplier<Authenticator> admins;

  /**
   * @param admins the host's admin authenticator (read at each reset: WireMock's options are set
   *     once its extensions exist)
   */
  public ResetFilter(MockState state, Supplier<Authenticator> admins) {
    this.state = state;
    this.admins = admins;
  }

  @Override
  public String getName() {
    return "revoke-earn-reset";
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    if (request.getMethod().equals(RequestMethod.POST)
        && isReset(request.getUrl().split("\\?", 2)[0])
        && admins.get().authenticate(request)) {
      try {
        state.reset();
      } catch (SeedException | StateConflict e) {
        return RequestFilterAction.stopWith(AdminAnswers.problem(400, e.getMessage(), null));
      }
    }
    return RequestFilterAction.continueWith(request);
  }

  /** Admin requests reach filters with the path below the admin root ({@code /reset}). */
  private static boolean isReset(String path) {
    String below = path.startsWith("/__admin") ? path.substring("/__admin".length()) : path;
    return below.equals("/reset") || below.equals("/reset/");
  }
}
