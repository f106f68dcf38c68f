package dev.revokeearn.state;

import java.util.Set;

/**
 * A Basic-auth credential of an org. Only the MD5 of the password is kept: it is what Capillary
 * clients send.
 */
public record TillCredential(
    long orgId, String username, String passwordMd5, Set<String> accessGroups) {
  public TillCredential {
    accessGroups = Set.copyOf(accessGroups);
  }

  @Override
  public String toString() {
    return "Till[" + username + " of org " + orgId + "]";
  }
}
