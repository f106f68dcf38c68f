package dev.revokeearn.auth;

import dev.revokeearn.state.ClientCredential;
import dev.revokeearn.state.State;
import dev.revokeearn.state.TillCredential;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a request's credentials the way Capillary does: Basic with the MD5 of the till password,
 * or an OAuth token in X-CAP-API-OAUTH-TOKEN (the token wins when both are sent). Credentials
 * belong to an org; a granted request acts inside it. The credentials come from the state the
 * request reads, so every replica sharing a store agrees.
 *
 * <pre>{@code
 * Authenticator auth = new Authenticator(Clock.systemUTC());
 * AuthOutcome outcome = auth.authenticate(state, authorizationHeader, oauthTokenHeader, AccessGroup.BADGES);
 * }</pre>
 */
public final class Authenticator {

  /** More tills than any run has; past it the memo starts over. */
  private static final int MEMO_TILLS = 4096;

  private final Clock clock;
  private final JwtTokens tokens = new JwtTokens();

  /**
   * The MD5 each till (as stored: a changed password is another key) last accepted: a salted
   * SHA-256 per request was the largest cost of a Basic request, and clients send the same MD5.
   */
  private final Map<TillCredential, String> proven = new ConcurrentHashMap<>();

  public Authenticator(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param authorization the Authorization header, or null
   * @param oauthToken the X-CAP-API-OAUTH-TOKEN header, or null
   * @param accessGroup the resource the request needs
   */
  public AuthOutcome authenticate(
      State state, String authorization, String oauthToken, String accessGroup) {
    if (oauthToken != null && !oauthToken.isBlank()) {
      return byToken(state, oauthToken.trim(), accessGroup);
    }
    if (authorization != null) {
      return byBasic(state, authorization.trim(), accessGroup);
    }
    return new AuthOutcome.Denied();
  }

  /** A token for a client whose key and secret match; empty otherwise (error 320001). */
  public Optional<IssuedToken> issue(State state, String key, String secret) {
    return issue(state, key, secret, clock.instant());
  }

  /** A token issued at another moment (Pact's "an expired token" is one issued long ago). */
  public Optional<IssuedToken> issue(State state, String key, String secret, Instant now) {
    Optional<ClientCredential> client = key == null ? Optional.empty() : state.client(key);
    if (client.isEmpty() || !client.get().hasSecret(secret)) {
      return Optional.empty();
    }
    int ttl = client.get().ttlSeconds();
    String token =
        tokens.issue(
            state.tokenKey(), client.get().key(), client.get().orgId(), now, now.plusSeconds(ttl));
    return Optional.of(new IssuedToken(token, ttl));
  }

  private AuthOutcome byToken(State state, String token, String accessGroup) {
    Optional<JwtTokens.Claims> claims = tokens.verify(state.tokenKey(), token);
    if (claims.isEmpty()) {
      return new AuthOutcome.Denied();
    }
    Optional<ClientCredential> client = state.client(claims.get().subject());
    // A client removed (with its org) since the token was issued: its tokens no longer hold.
    if (client.isEmpty() || client.get().orgId() != claims.get().orgId()) {
      return new AuthOutcome.Denied();
    }
    long orgId = client.get().orgId();
    if (!clock.instant().isBefore(claims.get().expiresAt())) {
      return new AuthOutcome.Expired(orgId, claims.get().expiresAt());
    }
    return grant(orgId, client.get().accessGroups().contains(accessGroup));
  }

  private AuthOutcome byBasic(State state, String authorization, String accessGroup) {
    if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return new AuthOutcome.Denied();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return new AuthOutcome.Denied();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return new AuthOutcome.Denied();
    }
    Optional<TillCredential> till = state.till(decoded.substring(0, colon));
    if (till.isEmpty()) {
      return new AuthOutcome.Denied();
    }
    if (!accepts(till.get(), decoded.substring(colon + 1))) {
      return new AuthOutcome.Denied();
    }
    return grant(till.get().orgId(), till.get().accessGroups().contains(accessGroup));
  }

  private boolean accepts(TillCredential till, String sentMd5) {
    String known = proven.get(till);
    if (known != null
        && MessageDigest.isEqual(
            known.getBytes(StandardCharsets.UTF_8), sentMd5.getBytes(StandardCharsets.UTF_8))) {
      return true;
    }
    if (!till.accepts(sentMd5)) {
      return false;
    }
    if (proven.size() >= MEMO_TILLS) {
      proven.clear();
    }
    proven.put(till, sentMd5);
    return true;
  }

  private static AuthOutcome grant(long orgId, boolean hasAccess) {
    return hasAccess ? new AuthOutcome.Granted(orgId) : new AuthOutcome.Forbidden(orgId);
  }
}
