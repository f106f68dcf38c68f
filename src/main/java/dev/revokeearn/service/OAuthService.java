package dev.revokeearn.service;

import dev.revokeearn.auth.Authenticator;
import dev.revokeearn.auth.IssuedToken;
import dev.revokeearn.contract.api.OAuthApi;
import dev.revokeearn.contract.model.AccessToken;
import dev.revokeearn.contract.model.TokenRequest;
import dev.revokeearn.contract.model.TokenResponse;

/** The OAuth token endpoint: a client's key and secret buy a token (error 320001 otherwise). */
public final class OAuthService implements OAuthApi {
  private final Authenticator authenticator;

  public OAuthService(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public TokenResponse generateOAuthToken(TokenRequest request) {
    IssuedToken token =
        authenticator
            .issueToken(request.getKey(), request.getSecret())
            .orElseThrow(CapillaryErrors::invalidClient);
    return new TokenResponse(new AccessToken(token.accessToken(), token.ttlSeconds())).errors(null);
  }
}
