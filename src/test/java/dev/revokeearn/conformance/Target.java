package dev.revokeearn.conformance;

import dev.revokeearn.mock.RevokeEarnMock;
import dev.revokeearn.seed.DemoSeed;
import dev.revokeearn.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the features run: the embedded mock by default (started once per JVM, on a free loopback
 * port, with a clock the suite can move), or the live base URL in {@code -Dconformance.baseUrl}.
 * Credentials come from the environment: {@code CAP_USERNAME} / {@code CAP_PASSWORD} (the plain
 * password; the suite hashes it) and {@code CAP_OAUTH_KEY} / {@code CAP_OAUTH_SECRET}, or from the
 * system properties of the same name (for IDEs); against the embedded mock they default to the demo
 * seed's.
 */
final class Target {
  record Login(String user, String secret) {}

  private static RevokeEarnMock embedded;
  private static MutableClock clock;

  private final String liveUrl;

  private Target(String liveUrl) {
    this.liveUrl = liveUrl;
  }

  /** Read anew for each scenario, so one JVM can run the suite against several targets. */
  static Target current() {
    String url = System.getProperty("conformance.baseUrl", "").strip();
    return new Target(url.isEmpty() ? null : url.replaceAll("/+$", ""));
  }

  boolean isLive() {
    return liveUrl != null;
  }

  String baseUrl() {
    return isLive() ? liveUrl : embedded().baseUrl();
  }

  Login basic() {
    return login("CAP_USERNAME", "CAP_PASSWORD", DemoSeed.TILL_USERNAME, DemoSeed.TILL_PASSWORD)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Set CAP_USERNAME and CAP_PASSWORD (the plain till password) to run against "
                        + liveUrl));
  }

  Optional<Login> oauth() {
    return login("CAP_OAUTH_KEY", "CAP_OAUTH_SECRET", DemoSeed.OAUTH_KEY, DemoSeed.OAUTH_SECRET);
  }

  /** Moves the embedded mock's clock; only mock-only scenarios call it. */
  void advanceClock(Duration by) {
    if (isLive()) {
      throw new IllegalStateException("a live deployment's clock cannot be moved");
    }
    embedded();
    clock.advance(by);
  }

  private Optional<Login> login(
      String userVar, String secretVar, String demoUser, String demoSecret) {
    String user = System.getenv().getOrDefault(userVar, System.getProperty(userVar));
    String secret = System.getenv().getOrDefault(secretVar, System.getProperty(secretVar));
    if (user != null && !user.isBlank() && secret != null) {
      return Optional.of(new Login(user, secret));
    }
    return isLive() ? Optional.empty() : Optional.of(new Login(demoUser, demoSecret));
  }

  private static synchronized RevokeEarnMock embedded() {
    if (embedded == null) {
      clock = new MutableClock(Instant.now());
      embedded = RevokeEarnMock.builder().port(0).clock(clock).build().start();
      Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
    }
    return embedded;
  }
}
