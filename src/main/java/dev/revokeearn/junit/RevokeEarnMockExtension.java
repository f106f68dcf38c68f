package dev.revokeearn.junit;

import dev.revokeearn.api.Operation;
import dev.revokeearn.auth.BasicCredentials;
import dev.revokeearn.faults.DeclaredFault;
import dev.revokeearn.ledger.ObjectIds;
import dev.revokeearn.ledger.entity.EarnInstance;
import dev.revokeearn.mock.RevokeEarnMock;
import dev.revokeearn.mockstate.Exchange;
import dev.revokeearn.seed.Seed;
import dev.revokeearn.seed.SeedFiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The reference mock inside JUnit 5 tests. One mock serves the whole test run (started on a free
 * loopback port at first use, stopped when the run ends); every test gets its own org(s), a copy of
 * the extension's seed under fresh org ids and credentials, removed after the test. Tests never see
 * each other's state, so they can run in parallel, with no reset between them.
 *
 * <pre>{@code
 * class MyClientTest {
 *   @RegisterExtension
 *   static final RevokeEarnMockExtension capillary = new RevokeEarnMockExtension(); // demo seed
 *
 *   @Test
 *   void revokesABadge() {
 *     String earned = capillary.givenActiveEarn("653ddb33b3cda7078c7c68e9", 62090013);
 *     MyClient client = new MyClient(capillary.baseUrl(), capillary.basicAuthorization());
 *     assertTrue(client.revoke("653ddb33b3cda7078c7c68e9", 62090013, earned));
 *     assertEquals(1, capillary.awaitRevokes(1, Duration.ofSeconds(5)).size());
 *   }
 * }
 * }</pre>
 *
 * The accessors ({@link #basicAuthorization()}, {@link #seed}, {@link #requests()}, ...) act on the
 * org of the test running on the calling thread. From a thread the test started itself, take a
 * {@link TestOrg} parameter instead, or read what you need before.
 */
public final class RevokeEarnMockExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RevokeEarnMockExtension.class);

  private final Seed seed;
  private final ObjectIds ids = new ObjectIds(Clock.systemUTC());
  private final ThreadLocal<TestOrgs> current = new ThreadLocal<>();
  private final Set<TestOrgs> active = ConcurrentHashMap.newKeySet();
  private volatile RevokeEarnMock mock;

  /** Each test gets a copy of the built-in demo seed (the public documentation's examples). */
  public RevokeEarnMockExtension() {
    this(SeedFiles.defaultSeed());
  }

  /** Each test gets a copy of this seed. */
  public RevokeEarnMockExtension(Seed seed) {
    this.seed = seed;
  }

  /** Each test gets a copy of a seed in the seed file format (YAML or JSON). */
  public static RevokeEarnMockExtension withSeed(String seedText) {
    return new RevokeEarnMockExtension(parse(seedText));
  }

  /**
   * A static extension starts the mock before the class's tests, so {@link #baseUrl()} works in
   * {@code @BeforeAll} methods and in what a framework reads then (Spring's
   * {@code @DynamicPropertySource}).
   */
  @Override
  public void beforeAll(ExtensionContext context) {
    mock = SharedMock.of(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    RevokeEarnMock shared = SharedMock.of(context);
    mock = shared;
    TestOrgs orgs = TestOrgs.create(shared.state(), seed);
    context.getStore(NAMESPACE).put(TestOrgs.class, orgs);
    current.set(orgs);
    active.add(orgs);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestOrgs orgs = context.getStore(NAMESPACE).remove(TestOrgs.class, TestOrgs.class);
    current.remove();
    if (orgs != null) {
      active.remove(orgs);
      orgs.remove();
    }
  }

  /** {@code http://127.0.0.1:<port>} of the mock all tests share. */
  public String baseUrl() {
    return running().baseUrl();
  }

  public int port() {
    return running().port();
  }

  /** This test's org (the copy of the seed's first org). */
  public TestOrg org() {
    return orgs().first();
  }

  /** This test's orgs, one per org of the seed, in the seed's order. */
  public List<TestOrg> testOrgs() {
    return orgs().all();
  }

  public long orgId() {
    return org().orgId();
  }

  /** The {@code Authorization} header of this test's first till: Basic with the password's MD5. */
  public String basicAuthorization() {
    String username = tillUsername();
    return BasicCredentials.header(username, org().password(username));
  }

  /** An {@code Authorization} header value for any till, hashing the password as Capillary does. */
  public static String basicAuthorization(String username, String password) {
    return BasicCredentials.header(username, password);
  }

  /** This test's username for the seed's first till. */
  public String tillUsername() {
    return first(org().tills(), "till");
  }

  public String tillPassword() {
    return org().password(tillUsername());
  }

  /** This test's key for the seed's first OAuth client. */
  public String oauthKey() {
    return first(org().clients(), "OAuth client");
  }

  public String oauthSecret() {
    return org().password(oauthKey());
  }

  /**
   * Adds state for this test in the seed file format: each org names one of the extension's seed
   * org ids (100737 for the demo seed) and lands in this test's copy of it. An entry whose id
   * exists already (a customer, badge or earn instance) is replaced whole.
   */
  public void seed(String seedText) {
    orgs().add(parse(seedText));
  }

  /**
   * Adds an active earn instance of a badge and customer of this test's first org.
   *
   * @return its earnedBadgeId
   */
  public String givenActiveEarn(String badgeMetaId, long customerId) {
    String earnedBadgeId = ids.get();
    orgs()
        .add(
            new Seed(
                List.of(
                    new Seed.Org(
                        org().seedOrgId(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(
                            new Seed.EarnEntry(
                                earnedBadgeId, badgeMetaId, customerId, null, true, null)),
                        null))));
    return earnedBadgeId;
  }

  /** Whether this test's earn instance is active (false once revoked, or if there is none). */
  public boolean isActive(String earnedBadgeId) {
    return orgs().all().stream()
        .anyMatch(
            org ->
                running()
                    .state()
                    .orgs()
                    .ledger(org.orgId())
                    .flatMap(ledger -> ledger.store().earn(earnedBadgeId))
                    .map(EarnInstance::active)
                    .orElse(false));
  }

  /**
   * Declares a fault for this test's (first) org: see {@link FaultBuilder}. The fault goes with the
   * org at the end of the test.
   */
  public FaultBuilder fault() {
    return new FaultBuilder(running().state().faults(), orgId());
  }

  /** The faults declared for this test's orgs, with how often each matched and fired. */
  public List<DeclaredFault> faults() {
    Set<Long> mine = orgs().all().stream().map(TestOrg::orgId).collect(Collectors.toSet());
    return running().state().faults().all().stream()
        .filter(fault -> mine.contains(fault.spec().orgId()))
        .toList();
  }

  /** Every request this test's orgs received, with its answer, oldest first. */
  public List<Exchange> requests() {
    return orgs().all().stream()
        .flatMap(org -> running().state().exchanges().of(org.orgId()).stream())
        .sorted(java.util.Comparator.comparing(Exchange::at))
        .toList();
  }

  /** The revokeEarn requests this test's orgs received. */
  public List<Exchange> revokes() {
    return requests().stream().filter(e -> e.operation().equals("revokeEarn")).toList();
  }

  /**
   * Waits until this test's first org has received {@code count} revokeEarn requests (for clients
   * that revoke asynchronously).
   *
   * @return those requests
   * @throws AssertionError when fewer arrived within the timeout, saying what did
   */
  public List<Exchange> awaitRevokes(int count, Duration timeout) {
    return awaitRequests("revokeEarn", count, timeout);
  }

  /**
   * Waits until this test's first org has received {@code count} requests of an operation ({@code
   * revokeEarn}, {@code earnBadge}, {@code generateOAuthToken}).
   */
  public List<Exchange> awaitRequests(String operation, int count, Duration timeout) {
    // The fault names (earn, token) work too.
    String operationId = Operation.named(operation).map(Operation::operationId).orElse(operation);
    return awaitOperation(operationId, count, timeout);
  }

  private List<Exchange> awaitOperation(String operation, int count, Duration timeout) {
    long orgId = orgId();
    List<Exchange> seen;
    try {
      seen =
          running()
              .state()
              .exchanges()
              .await(orgId, all -> ofOperation(all, operation).size() >= count, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + operation + " requests", e);
    }
    List<Exchange> matching = ofOperation(seen, operation);
    if (matching.size() < count) {
      throw new AssertionError(
          "expected "
              + count
              + " "
              + operation
              + " request(s) within "
              + timeout
              + ", got "
              + matching.size()
              + "; the org received: "
              + seen.stream()
                  .map(e -> e.operation() + " -> " + e.status())
                  .collect(Collectors.toList()));
    }
    return matching;
  }

  /** The mock all tests share, for anything the accessors above do not cover. */
  public RevokeEarnMock mock() {
    return running();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == RevokeEarnMock.class || type == TestOrg.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == TestOrg.class) {
      TestOrgs orgs = context.getStore(NAMESPACE).get(TestOrgs.class, TestOrgs.class);
      if (orgs == null) {
        throw new IllegalStateException("a TestOrg parameter is resolved for test methods only");
      }
      return orgs.first();
    }
    return SharedMock.of(context);
  }

  private TestOrgs orgs() {
    TestOrgs orgs = current.get();
    if (orgs != null) {
      return orgs;
    }
    // Off the test's thread: unambiguous only while one test runs.
    if (active.size() == 1) {
      return active.iterator().next();
    }
    throw new IllegalStateException(
        active.isEmpty()
            ? "no test is running: call RevokeEarnMockExtension inside a test (register it with"
                + " @RegisterExtension)"
            : "several tests run at once and this thread is none of theirs: take a TestOrg"
                + " parameter in the test and pass it on");
  }

  private RevokeEarnMock running() {
    RevokeEarnMock running = mock;
    if (running == null) {
      throw new IllegalStateException(
          "The mock is not running yet: it starts before the test class when the extension is in"
              + " a static @RegisterExtension field, else before each test");
    }
    return running;
  }

  private static String first(Map<String, String> names, String what) {
    return names.values().stream()
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the seed's first org has no " + what));
  }

  private static List<Exchange> ofOperation(List<Exchange> all, String operation) {
    return all.stream().filter(e -> e.operation().equals(operation)).toList();
  }

  private static Seed parse(String seedText) {
    return SeedFiles.parse(
        new ByteArrayInputStream(seedText.getBytes(StandardCharsets.UTF_8)), "seed");
  }
}
