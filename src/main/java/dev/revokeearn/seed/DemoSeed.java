package dev.revokeearn.seed;

/** The credentials and ids of the default seed ({@code revoke-earn/default-seed.yaml}). */
public final class DemoSeed {
  public static final String TILL_USERNAME = "demo.till";
  public static final String TILL_PASSWORD = "demo-password";
  public static final String NO_ACCESS_TILL_USERNAME = "no-badges.till";
  public static final String OAUTH_KEY = "demo-key";
  public static final String OAUTH_SECRET = "demo-secret";
  public static final long CUSTOMER_ID = 62090013;
  public static final String DOC_BADGE_META_ID = "653ddb33b3cda7078c7c68e9";
  public static final String DOC_EARNED_BADGE_ID = "654cbea06bccde1274b6d3a2";

  public static final String NOT_LIVE_BADGE_META_ID = "653ddb33b3cda7078c7c6815";
  public static final String ISSUE_FIRST_BADGE_META_ID = "653ddb33b3cda7078c7c6811";

  private DemoSeed() {}
}
