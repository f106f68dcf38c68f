package dev.revokeearn.service;

import dev.revokeearn.auth.Authenticator;
import dev.revokeearn.auth.IssuedToken;
import dev.revokeearn.contract.api.OAuthApi;
import dev.revokeearn.contract.model.AccessToken;
import dev.revokeearn.contract.model.TokenRequest;
import dev.revokeearn.contract.model.TokenResponse;
import dev.revokeearn.state.ClientCredential;
import dev.revokeearn.state.State;
import java.util.Optional;

/** The OAuth token endpoint: a client's key and secret buy a token (error 320001 otherwise). */
public final class OAuthService implements OAuthApi {
  private final Authenticator authenticator;
  private final State state;

  public OAuthService(Authenticator authenticator, State state) {
    this.authenticator = authenticator;
    this.state = state;
  }

  @Override
  public TokenResponse generateOAuthToken(TokenRequest request) {
    IssuedToken token =
        authenticator
            .issue(state, request.getKey(), request.getSecret())
            .orElseThrow(CapillaryErrors::invalidClient);
    return new TokenResponse(new AccessToken(token.accessToken(), token.ttlSeconds())).errors(null);
  }

  /** The org whose client the key names, if any: call it once the key's secret was proved. */
  Optional<Long> clientOrg(String key) {
    return key == null ? Optional.empty() : state.client(key).map(ClientCredential::orgId);
  }
}
