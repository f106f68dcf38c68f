package dev.revokeearn.cli;

import dev.revokeearn.auth.BasicCredentials;
import dev.revokeearn.seed.DemoSeed;

/** What the standalone mock prints once it is ready: where it is and how to try it. */
final class Banner {
  private Banner() {}

  /**
   * @param https where HTTPS serves too and what a client trusts, a line; null without
   */
  static String text(String baseUrl, String https, boolean defaultSeed, String version) {
    StringBuilder out = new StringBuilder();
    out.append("revoke-earn mock ")
        .append(version)
        .append(" ready at ")
        .append(baseUrl)
        .append('\n');
    if (https != null) {
      out.append("  ").append(https).append('\n');
    }
    out.append("  POST ").append(baseUrl).append("/api_gateway/v1/badges/customer/revokeEarn\n");
    out.append("  POST ").append(baseUrl).append("/api_gateway/v1/badges/customer/earn\n");
    out.append("  POST ").append(baseUrl).append("/v3/oauth/token/generate\n");
    out.append("  admin: ")
        .append(baseUrl)
        .append("/__admin/revoke-earn/state, POST ")
        .append(baseUrl)
        .append("/__admin/reset\n");
    if (defaultSeed) {
      String basic = BasicCredentials.header(DemoSeed.TILL_USERNAME, DemoSeed.TILL_PASSWORD);
      out.append("Demo credentials: Basic till ")
          .append(DemoSeed.TILL_USERNAME)
          .append(" / ")
          .append(DemoSeed.TILL_PASSWORD)
          .append(" (send the MD5 of the password); OAuth client ")
          .append(DemoSeed.OAUTH_KEY)
          .append(" / ")
          .append(DemoSeed.OAUTH_SECRET)
          .append('\n');
      out.append("Try the public doc's example (200 first, 814 after):\n");
      out.append("  curl -s -X POST ")
          .append(baseUrl)
          .append("/api_gateway/v1/badges/customer/revokeEarn \\\n")
          .append("    -H 'Authorization: ")
          .append(basic)
          .append("' \\\n")
          .append("    -H 'Content-Type: application/json' \\\n")
          .append("    -d '{\"badgeMetaId\":\"")
          .append(DemoSeed.DOC_BADGE_META_ID)
          .append("\",\"customerId\":")
          .append(DemoSeed.CUSTOMER_ID)
          .append(",\"earnedBadgeId\":\"")
          .append(DemoSeed.DOC_EARNED_BADGE_ID)
          .append("\"}'\n");
    }
    out.append("Stop with Ctrl-C.");
    return out.toString();
  }
}
