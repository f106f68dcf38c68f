package com.example.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.revokeearn.junit.RevokeEarnMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OwnSeedTest {
  @RegisterExtension
  static final RevokeEarnMockExtension capillary = RevokeEarnMockExtension.withSeed("""
      orgs:
        - orgId: 7
          tills: [{username: shop.till, password: s3cret}]
          customers: [{id: 1}]
          badges: [{badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa}]
          earnInstances: [{earnedBadgeId: bbbbbbbbbbbbbbbbbbbbbbbb, badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa, customerId: 1}]
      """);

  @Test
  void theSeedsOwnCredentialsWorkThroughTheAccessors() throws Exception {
    RevokeClient client = new RevokeClient(capillary.baseUrl(), capillary.basicAuthorization());
    assertEquals(RevokeClient.Result.REVOKED, client.revoke("aaaaaaaaaaaaaaaaaaaaaaaa", 1, "bbbbbbbbbbbbbbbbbbbbbbbb"));
    assertEquals("s3cret", capillary.tillPassword());
  }
}
