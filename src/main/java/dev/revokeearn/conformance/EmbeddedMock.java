package dev.revokeearn.conformance;

import dev.revokeearn.api.Operation;
import dev.revokeearn.faults.Fault;
import dev.revokeearn.faults.FaultMatch;
import dev.revokeearn.faults.FaultSpec;
import dev.revokeearn.faults.FaultTrigger;
import dev.revokeearn.mock.RevokeEarnMock;
import dev.revokeearn.seed.DemoSeed;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The reference mock in this process, with the demo seed on a free loopback port and a clock the
 * suite can move: the target of {@code check} without {@code --base-url}, and of the build's own
 * conformance run.
 */
public final class EmbeddedMock implements MockControls, AutoCloseable {
  private final AdjustableClock clock = new AdjustableClock(Instant.now());
  private final RevokeEarnMock mock;

  private EmbeddedMock() {
    mock = RevokeEarnMock.builder().port(0).clock(clock).build().start();
  }

  public static EmbeddedMock start() {
    return new EmbeddedMock();
  }

  public String baseUrl() {
    return mock.baseUrl();
  }

  /** This mock as a target, with the demo seed's credentials. */
  public ConformanceTarget target(TestData data) {
    return new ConformanceTarget(
        mock.baseUrl(),
        Optional.of(new Login(DemoSeed.TILL_USERNAME, DemoSeed.TILL_PASSWORD)),
        Optional.of(new Login(DemoSeed.OAUTH_KEY, DemoSeed.OAUTH_SECRET)),
        data,
        Optional.of(this),
        Trust.system());
  }

  @Override
  public void advanceClock(Duration by) {
    clock.advance(by);
  }

  @Override
  public Login tillWithoutAccess() {
    return new Login(DemoSeed.NO_ACCESS_TILL_USERNAME, DemoSeed.TILL_PASSWORD);
  }

  @Override
  public String notLiveBadgeMetaId() {
    return DemoSeed.NOT_LIVE_BADGE_META_ID;
  }

  @Override
  public String issueFirstBadgeMetaId() {
    return DemoSeed.ISSUE_FIRST_BADGE_META_ID;
  }

  @Override
  public void failNextRevoke(String earnedBadgeId, Fault fault) {
    long orgId = mock.state().current().till(DemoSeed.TILL_USERNAME).orElseThrow().orgId();
    mock.state()
        .faults()
        .declare(
            new FaultSpec(
                orgId,
                Operation.REVOKE_EARN,
                new FaultMatch(null, earnedBadgeId, null),
                FaultTrigger.times(1),
                fault));
  }

  @Override
  public void close() {
    mock.close();
  }
}
