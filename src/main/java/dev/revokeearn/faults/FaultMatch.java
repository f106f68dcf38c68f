package dev.revokeearn.faults;

/**
 * Which requests of the operation a fault is for; a field left null matches anything. The customer
 * is matched as the body names it (a numeric id, or the email, mobile, ... the request sends), ids
 * in any case.
 */
public record FaultMatch(String customerId, String earnedBadgeId, String badgeMetaId) {
  public static final FaultMatch ANY = new FaultMatch(null, null, null);

  /** Whether a request with these body fields (null when absent) is one of the fault's. */
  public boolean matches(String customerId, String earnedBadgeId, String badgeMetaId) {
    return same(this.customerId, customerId, false)
        && same(this.earnedBadgeId, earnedBadgeId, true)
        && same(this.badgeMetaId, badgeMetaId, true);
  }

  private static boolean same(String wanted, String sent, boolean ignoreCase) {
    if (wanted == null) {
      return true;
    }
    return sent != null && (ignoreCase ? wanted.equalsIgnoreCase(sent) : wanted.equals(sent));
  }
}
