package dev.revokeearn.auth;

import java.util.Set;

/** An OAuth client of an org: key and secret buy a token that lives {@code ttlSeconds}. */
public record OAuthClient(String key, String secret, int ttlSeconds, Set<String> accessGroups) {
  public OAuthClient {
    if (ttlSeconds <= 0) {
      throw new IllegalArgumentException("ttlSeconds must be positive, got " + ttlSeconds);
    }
    accessGroups = Set.copyOf(accessGroups);
  }

  @Override
  public String toString() {
    return "OAuthClient[" + key + "]";
  }
}
