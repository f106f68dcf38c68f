package dev.revokeearn.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a request's credentials the way Capillary does: Basic with the MD5 of the till password,
 * or an OAuth token in X-CAP-API-OAUTH-TOKEN (the token wins when both are sent). Credentials
 * belong to an org; a granted request acts inside it.
 *
 * <pre>{@code
 * Authenticator auth = new Authenticator(Clock.systemUTC());
 * auth.register(100737, new Till("demo.till", "demo-password", Set.of(AccessGroup.BADGES)));
 * AuthOutcome outcome = auth.authenticate(authorizationHeader, oauthTokenHeader, AccessGroup.BADGES);
 * }</pre>
 */
public final class Authenticator {
  private record Owned<T>(long orgId, T credential) {}

  /** A till with its password hash worked out once, not on every request. */
  private record HashedTill(Till till, String passwordHash) {
    HashedTill(Till till) {
      this(till, till.passwordHash());
    }
  }

  private final Clock clock;
  private final JwtTokens tokens = new JwtTokens();
  private final Map<String, Owned<HashedTill>> tills = new ConcurrentHashMap<>();
  private final Map<String, Owned<OAuthClient>> clients = new ConcurrentHashMap<>();

  public Authenticator(Clock clock) {
    this.clock = clock;
  }

  /** Adds or replaces a till; a username belongs to one org only. */
  public void register(long orgId, Till till) {
    tills.merge(
        till.username(),
        new Owned<>(orgId, new HashedTill(till)),
        (old, now) -> sameOrg(old, now, "till username " + till.username()));
  }

  /** Adds or replaces an OAuth client; a key belongs to one org only. */
  public void register(long orgId, OAuthClient client) {
    clients.merge(
        client.key(),
        new Owned<>(orgId, client),
        (old, now) -> sameOrg(old, now, "OAuth client key " + client.key()));
  }

  /** The org a till username belongs to, if any. */
  public Optional<Long> tillOrg(String username) {
    return Optional.ofNullable(tills.get(username)).map(Owned::orgId);
  }

  /** The org an OAuth client key belongs to, if any. */
  public Optional<Long> clientOrg(String key) {
    return Optional.ofNullable(clients.get(key)).map(Owned::orgId);
  }

  private static <T> Owned<T> sameOrg(Owned<T> old, Owned<T> now, String what) {
    if (old.orgId() != now.orgId()) {
      throw new IllegalArgumentException(what + " already belongs to org " + old.orgId());
    }
    return now;
  }

  /** Forgets the credentials of one org; its tokens stop working. */
  public void removeOrg(long orgId) {
    tills.values().removeIf(owned -> owned.orgId() == orgId);
    clients.values().removeIf(owned -> owned.orgId() == orgId);
  }

  /** Forgets every credential. Tokens already issued stop working with their client. */
  public void clear() {
    tills.clear();
    clients.clear();
  }

  /**
   * @param authorization the Authorization header, or null
   * @param oauthToken the X-CAP-API-OAUTH-TOKEN header, or null
   * @param accessGroup the resource the request needs
   */
  public AuthOutcome authenticate(String authorization, String oauthToken, String accessGroup) {
    if (oauthToken != null && !oauthToken.isBlank()) {
      return byToken(oauthToken.trim(), accessGroup);
    }
    if (authorization != null) {
      return byBasic(authorization.trim(), accessGroup);
    }
    return new AuthOutcome.Denied();
  }

  /** A token for a client whose key and secret match; empty otherwise (error 320001). */
  public Optional<IssuedToken> issueToken(String key, String secret) {
    return issue(key, secret).token();
  }

  /** What a token request gets, and the org whose client key it named (known or not). */
  public record TokenGrant(Optional<IssuedToken> token, Optional<Long> org) {}

  /** {@link #issueToken}, also saying which org's client the key named. */
  public TokenGrant issue(String key, String secret) {
    Owned<OAuthClient> named = key == null ? null : clients.get(key);
    Optional<Long> org = Optional.ofNullable(named).map(Owned::orgId);
    return new TokenGrant(token(named, secret), org);
  }

  private Optional<IssuedToken> token(Owned<OAuthClient> owned, String secret) {
    if (owned == null
        || secret == null
        || !constantTimeEquals(owned.credential().secret(), secret)) {
      return Optional.empty();
    }
    int ttl = owned.credential().ttlSeconds();
    Instant now = clock.instant();
    return Optional.of(
        new IssuedToken(
            tokens.issue(owned.credential().key(), owned.orgId(), now, now.plusSeconds(ttl)), ttl));
  }

  private AuthOutcome byToken(String token, String accessGroup) {
    Optional<JwtTokens.Claims> claims = tokens.verify(token);
    if (claims.isEmpty()) {
      return new AuthOutcome.Denied();
    }
    Owned<OAuthClient> owned = clients.get(claims.get().subject());
    if (owned == null || owned.orgId() != claims.get().orgId()) {
      return new AuthOutcome.Denied();
    }
    if (!clock.instant().isBefore(claims.get().expiresAt())) {
      return new AuthOutcome.Expired(owned.orgId(), claims.get().expiresAt());
    }
    return grant(owned, owned.credential().accessGroups().contains(accessGroup));
  }

  private AuthOutcome byBasic(String authorization, String accessGroup) {
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
    Owned<HashedTill> owned = tills.get(decoded.substring(0, colon));
    if (owned == null) {
      return new AuthOutcome.Denied();
    }
    String sentHash = decoded.substring(colon + 1).toLowerCase(Locale.ROOT);
    if (!constantTimeEquals(owned.credential().passwordHash(), sentHash)) {
      return new AuthOutcome.Denied(owned.orgId());
    }
    return grant(owned, owned.credential().till().accessGroups().contains(accessGroup));
  }

  private static AuthOutcome grant(Owned<?> owned, boolean hasAccess) {
    return hasAccess
        ? new AuthOutcome.Granted(owned.orgId())
        : new AuthOutcome.Forbidden(owned.orgId());
  }

  private static boolean constantTimeEquals(String expected, String actual) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }
}
