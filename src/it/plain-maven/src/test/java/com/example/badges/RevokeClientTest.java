package com.example.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.revokeearn.junit.RevokeEarnMockExtension;
import dev.revokeearn.junit.TestOrg;
import dev.revokeearn.mockstate.Exchange;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Runs four at a time (see junit-platform.properties): every test has its own org. */
@Execution(ExecutionMode.CONCURRENT)
class RevokeClientTest {
  static final String BADGE = "653ddb33b3cda7078c7c68e9";

  @RegisterExtension
  static final RevokeEarnMockExtension capillary = new RevokeEarnMockExtension();

  static final Set<Long> orgs = ConcurrentHashMap.newKeySet();

  @RepeatedTest(200)
  void revokesOnceThenKnowsItIsAlreadyRevoked(TestOrg org) throws Exception {
    assertTrue(orgs.add(org.orgId()), "every test has an org of its own");
    RevokeClient client = new RevokeClient(capillary.baseUrl(), capillary.basicAuthorization());
    String earned = capillary.givenActiveEarn(BADGE, 62090013);

    assertEquals(RevokeClient.Result.REVOKED, client.revoke(BADGE, 62090013, earned));
    client.revokeLater(BADGE, 62090013, earned); // the client's own thread; not awaited here

    List<Exchange> revokes = capillary.awaitRevokes(2, Duration.ofSeconds(10));
    assertEquals(List.of(200, 409), revokes.stream().map(Exchange::status).toList());
    assertEquals(List.of(814L), revokes.get(1).errorCodes());
    assertTrue(revokes.get(0).body().contains(earned));
    assertEquals(capillary.basicAuthorization(), revokes.get(0).header("Authorization"));
    assertEquals(2, capillary.requests().size());
  }

  @Test
  void theDemoSeedsDocExampleIsActiveInEveryTest() throws Exception {
    RevokeClient client = new RevokeClient(capillary.baseUrl(), capillary.basicAuthorization());
    assertEquals(RevokeClient.Result.REVOKED, client.revoke(BADGE, 62090013, "654cbea06bccde1274b6d3a2"));
    assertEquals(RevokeClient.Result.ALREADY_REVOKED, client.revoke(BADGE, 62090013, "654cbea06bccde1274b6d3a2"));
  }

  @AfterAll
  static void everyTestHadItsOwnOrg() {
    assertEquals(200, orgs.size());
  }
}
