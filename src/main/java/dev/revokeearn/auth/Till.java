package dev.revokeearn.auth;

import java.util.Set;

/** A Basic-auth credential of an org. The password is kept plain; clients send its MD5. */
public record Till(String username, String password, Set<String> accessGroups) {
  public Till {
    accessGroups = Set.copyOf(accessGroups);
  }

  @Override
  public String toString() {
    return "Till[" + username + "]";
  }
}
