package dev.revokeearn.auth;

/** The resources a credential may be granted. Valid credentials without the group get 403/4000. */
public final class AccessGroup {
  public static final String BADGES = "badges";

  private AccessGroup() {}
}
