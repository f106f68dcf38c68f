package dev.revokeearn.junit;

import dev.revokeearn.auth.BasicCredentials;
import dev.revokeearn.ledger.CustomerKey;
import dev.revokeearn.ledger.EarnInstance;
import dev.revokeearn.ledger.EarnLedger;
import dev.revokeearn.ledger.ObjectIds;
import dev.revokeearn.mock.RevokeEarnMock;
import dev.revokeearn.seed.DemoSeed;
import dev.revokeearn.seed.Seed;
import dev.revokeearn.seed.SeedFiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The reference mock inside a JUnit 5 test: started on a free loopback port, reset to its seed
 * before every test, stopped after the class.
 *
 * <pre>{@code
 * class MyClientTest {
 *   @RegisterExtension
 *   static final RevokeEarnMockExtension capillary = new RevokeEarnMockExtension();
 *
 *   @Test
 *   void revokesABadge() {
 *     String earned = capillary.givenActiveEarn("653ddb33b3cda7078c7c68e9", 62090013);
 *     MyClient client = new MyClient(capillary.baseUrl(), capillary.basicAuthorization());
 *     assertTrue(client.revoke("653ddb33b3cda7078c7c68e9", 62090013, earned));
 *   }
 * }
 * }</pre>
 *
 * Registered on a static field it starts once per class; on an instance field, once per test.
 */
public final class RevokeEarnMockExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AfterAllCallback,
        ParameterResolver {
  private final Seed seed;
  private final ObjectIds ids = new ObjectIds(Clock.systemUTC());
  private RevokeEarnMock mock;
  private boolean perClass;

  /** With the built-in demo seed (the public documentation's examples). */
  public RevokeEarnMockExtension() {
    this(SeedFiles.defaultSeed());
  }

  public RevokeEarnMockExtension(Seed seed) {
    this.seed = seed;
  }

  /** With a seed in the seed file format (YAML or JSON) instead of the demo seed. */
  public static RevokeEarnMockExtension withSeed(String seedText) {
    return new RevokeEarnMockExtension(parse(seedText));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (mock == null) {
      start();
    } else {
      mock.reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return running().baseUrl();
  }

  public int port() {
    return running().port();
  }

  /** The demo till's {@code Authorization} header value: Basic with the MD5 of the password. */
  public String basicAuthorization() {
    return basicAuthorization(DemoSeed.TILL_USERNAME, DemoSeed.TILL_PASSWORD);
  }

  /** An {@code Authorization} header value for any till, hashing the password as Capillary does. */
  public static String basicAuthorization(String username, String password) {
    return BasicCredentials.header(username, password);
  }

  public String oauthKey() {
    return DemoSeed.OAUTH_KEY;
  }

  public String oauthSecret() {
    return DemoSeed.OAUTH_SECRET;
  }

  /** Adds state for this test (undone by the reset before the next): a seed in the file format. */
  public void seed(String seedText) {
    running().state().apply(parse(seedText));
  }

  /**
   * Adds an active earn instance of an existing badge and customer of the first seeded org.
   *
   * @return its earnedBadgeId
   */
  public String givenActiveEarn(String badgeMetaId, long customerId) {
    long orgId = seed.orgs().get(0).orgId();
    EarnLedger ledger = running().state().ledger(orgId).orElseThrow();
    String badge =
        ledger
            .store()
            .badge(badgeMetaId)
            .orElseThrow(
                () -> new IllegalArgumentException("no badge " + badgeMetaId + " in org " + orgId))
            .id();
    if (ledger.store().customer(CustomerKey.id(customerId)).isEmpty()) {
      throw new IllegalArgumentException("no customer " + customerId + " in org " + orgId);
    }
    String earnedBadgeId = ids.get();
    ledger
        .store()
        .putEarn(
            new EarnInstance(earnedBadgeId, badge, customerId, null, Instant.now(), null, true));
    return earnedBadgeId;
  }

  /** Whether the earn instance is still active (false once revoked, or if it does not exist). */
  public boolean isActive(String earnedBadgeId) {
    return running().state().orgs().values().stream()
        .anyMatch(
            ledger -> ledger.store().earn(earnedBadgeId).map(EarnInstance::active).orElse(false));
  }

  /** The running mock itself, for anything the shortcuts above do not cover. */
  public RevokeEarnMock mock() {
    return running();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RevokeEarnMock.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return running();
  }

  private void start() {
    mock = RevokeEarnMock.builder().port(0).seed(seed).build().start();
  }

  private void stop() {
    if (mock != null) {
      mock.close();
      mock = null;
    }
  }

  private RevokeEarnMock running() {
    if (mock == null) {
      throw new IllegalStateException(
          "The mock is not running: register RevokeEarnMockExtension with @RegisterExtension"
              + " and use it inside a test");
    }
    return mock;
  }

  private static Seed parse(String seedText) {
    return SeedFiles.parse(
        new ByteArrayInputStream(seedText.getBytes(StandardCharsets.UTF_8)), "seed");
  }
}
