package dev.revokeearn.junit;

import dev.revokeearn.auth.BasicCredentials;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One org of a test: a copy of a seed org under a fresh org id, with its own credentials. Usernames
 * and client keys are the seed's with {@code -t<orgId>} appended; passwords and secrets are the
 * seed's.
 *
 * @param seedOrgId the org id the seed gave it
 * @param tills the seed's till usernames, each to this org's username
 * @param clients the seed's OAuth client keys, each to this org's key
 * @param passwords each of this org's usernames and keys to its password or secret
 */
public record TestOrg(
    long orgId,
    long seedOrgId,
    Map<String, String> tills,
    Map<String, String> clients,
    Map<String, String> passwords) {

  public TestOrg {
    // In the seed's order: the first till and client are the accessors' defaults.
    tills = Collections.unmodifiableMap(new LinkedHashMap<>(tills));
    clients = Collections.unmodifiableMap(new LinkedHashMap<>(clients));
    passwords = Map.copyOf(passwords);
  }

  /** This org's username for the seed's till {@code seedUsername}. */
  public String tillUsername(String seedUsername) {
    return named(tills, seedUsername, "till");
  }

  /** This org's key for the seed's OAuth client {@code seedKey}. */
  public String oauthKey(String seedKey) {
    return named(clients, seedKey, "OAuth client");
  }

  /** The password of one of this org's tills, or the secret of one of its OAuth clients. */
  public String password(String usernameOrKey) {
    String password = passwords.get(usernameOrKey);
    if (password == null) {
      throw new IllegalArgumentException(
          "org " + orgId + " has no till or client " + usernameOrKey);
    }
    return password;
  }

  /** The Authorization header of the seed's till {@code seedUsername} in this org. */
  public String basicAuthorization(String seedUsername) {
    String username = tillUsername(seedUsername);
    return BasicCredentials.header(username, password(username));
  }

  private String named(Map<String, String> names, String seedName, String what) {
    String name = names.get(seedName);
    if (name == null) {
      throw new IllegalArgumentException(
          "the seed of org "
              + seedOrgId
              + " has no "
              + what
              + " "
              + seedName
              + "; it has "
              + names.keySet());
    }
    return name;
  }
}
