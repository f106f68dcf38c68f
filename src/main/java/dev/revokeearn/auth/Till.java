package dev.revokeearn.auth;

import java.util.Set;

/** A Basic-auth credential of an org. The password is kept plain; clients send its MD5. */
public record Till(String username, String password, Set<String> accessGroups) {
  public Till {
    accessGroups = Set.copyOf(accessGroups);
  }

  /** What a client sends in place of the password: its lowercase hex MD5. */
  public String passwordHash() {
    return Md5.hex(password);
  }

  @Override
  public String toString() {
    return "Till[" + username + "]";
  }
}
