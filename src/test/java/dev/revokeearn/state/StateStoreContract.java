package dev.revokeearn.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revokeearn.api.Operation;
import dev.revokeearn.auth.Md5;
import dev.revokeearn.faults.DeclaredFault;
import dev.revokeearn.faults.Fault;
import dev.revokeearn.faults.FaultMatch;
import dev.revokeearn.faults.FaultSpec;
import dev.revokeearn.faults.FaultTrigger;
import dev.revokeearn.ledger.LedgerStore;
import dev.revokeearn.ledger.ObjectIds;
import dev.revokeearn.ledger.entity.BadgeMeta;
import dev.revokeearn.ledger.entity.CustomerKey;
import dev.revokeearn.ledger.entity.EarnInstance;
import dev.revokeearn.ledger.entity.IdentifierType;
import dev.revokeearn.ledger.entity.OwnerClaim;
import dev.revokeearn.seed.SeedFiles;
import dev.revokeearn.seed.SeedSnapshots;
import dev.revokeearn.testing.Race;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The one definition of what a {@link StateStore} does: every store (memory, SQLite, PostgreSQL)
 * runs these, through the store's own interface only.
 */
public abstract class StateStoreContract {
  static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");
  protected static final String BADGE = "653ddb33b3cda7078c7c68e9";
  protected static final String EARNED = "654cbea06bccde1274b6d3a2";
  protected static final int THREADS = 64;
  protected static final String SEED =
      """
      orgs:
        - orgId: 100737
          tills: [{username: demo.till, password: demo-password}, {username: no-badges.till, password: x, accessGroups: []}]
          oauthClients: [{key: demo-key, secret: demo-secret, ttlSeconds: 60}]
          customers:
            - {id: 62090013, email: Tom@Example.com, mobile: "9199", externalId: ext-1, cardNumbers: [C1, C2]}
            - {id: 62090014, email: huck@example.com}
          badges:
            - {badgeMetaId: 653ddb33b3cda7078c7c68e9, validityDays: 365, claims: [{ownerType: Loyalty, referenceId: "1"}]}
          earnInstances:
            - {earnedBadgeId: 654cbea06bccde1274b6d3a2, badgeMetaId: 653ddb33b3cda7078c7c68e9, customerId: 62090013, earnedAt: 2026-11-25T12:00:00Z}
        - orgId: 7
          tills: [{username: seven.till, password: s}]
      """;

  protected StateStore store;

  /** A new, empty store for one test. */
  protected abstract StateStore newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
    store.replace(snapshot(SEED));
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  protected static SeedSnapshot snapshot(String yaml) {
    return SeedSnapshots.of(
        SeedFiles.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test"),
        "test",
        AT);
  }

  protected LedgerStore ledger(long orgId) {
    return store.current().ledger(orgId).orElseThrow();
  }

  @Test
  void aNewStoreHoldsNoSeedAndAReplaceMakesItSeeded() {
    try (StateStore fresh = newStore()) {
      assertThat(fresh.seeded()).isFalse();
      assertThat(fresh.current().orgIds()).isEmpty();
    }
    assertThat(store.seeded()).isTrue();
    assertThat(store.current().orgIds()).containsExactlyInAnyOrder(100737L, 7L);
  }

  @Test
  void credentialsBelongToTheirOrg() {
    State state = store.current();
    assertThat(state.till("demo.till"))
        .hasValueSatisfying(
            till -> {
              assertThat(till.orgId()).isEqualTo(100737);
              // What a request sends proves the till; the store keeps only a salted hash of it.
              assertThat(till.accepts(Md5.hex("demo-password"))).isTrue();
              assertThat(till.accepts(Md5.hex("demo-password-not"))).isFalse();
              assertThat(till.passwordHash()).doesNotContain(Md5.hex("demo-password"));
              assertThat(till.accessGroups()).containsExactly("badges");
            });
    assertThat(state.till("no-badges.till").orElseThrow().accessGroups()).isEmpty();
    assertThat(state.till("seven.till").orElseThrow().orgId()).isEqualTo(7);
    assertThat(state.client("demo-key"))
        .hasValueSatisfying(
            client -> {
              assertThat(client.hasSecret("demo-secret")).isTrue();
              assertThat(client.hasSecret("demo-secret ")).isFalse();
              assertThat(client.ttlSeconds()).isEqualTo(60);
            });
    assertThat(state.till("nobody")).isEmpty();
    assertThat(state.client("nobody")).isEmpty();
    assertThat(state.tokenKey()).hasSize(32).isEqualTo(store.current().tokenKey());
  }

  @Test
  void findsCustomersByEveryIdentifierInTheirOrgOnly() {
    LedgerStore ledger = ledger(100737);
    assertThat(ledger.customer(CustomerKey.id(62090013))).isPresent();
    assertThat(ledger.customer(new CustomerKey(IdentifierType.EMAIL, "tom@example.COM")))
        .isPresent();
    assertThat(ledger.customer(new CustomerKey(IdentifierType.MOBILE, "9199"))).isPresent();
    assertThat(ledger.customer(new CustomerKey(IdentifierType.EXTERNAL_ID, "ext-1"))).isPresent();
    assertThat(ledger.customer(new CustomerKey(IdentifierType.CARD_NUMBER, "C2")))
        .hasValueSatisfying(c -> assertThat(c.cardNumbers()).containsExactlyInAnyOrder("C1", "C2"));
    assertThat(ledger.customer(new CustomerKey(IdentifierType.EXTERNAL_ID, "EXT-1"))).isEmpty();
    assertThat(ledger(7).customer(CustomerKey.id(62090013))).isEmpty();
    assertThat(ledger(7).earn(EARNED)).isEmpty();
  }

  @Test
  void keepsBadgesAndEarnInstancesAsSeeded() {
    LedgerStore ledger = ledger(100737);
    assertThat(ledger.badge(BADGE.toUpperCase()))
        .hasValueSatisfying(
            b -> {
              assertThat(b.claimedBy(new OwnerClaim("Loyalty", "1"))).isTrue();
              assertThat(b.validity()).isEqualTo(Duration.ofDays(365));
            });
    assertThat(ledger.earn(EARNED.toUpperCase()))
        .hasValue(
            new EarnInstance(
                EARNED, BADGE, 62090013, null, AT, AT.plus(Duration.ofDays(365)), true));
    assertThat(ledger.customers()).hasSize(2);
    assertThat(ledger.badges()).hasSize(1);
    assertThat(ledger.earns()).hasSize(1);
    assertThat(ledger.earnCount()).isEqualTo(1);
  }

  @Test
  void replacingACustomerMovesItsIdentifiers() {
    store.add(
        snapshot(
            """
            orgs:
              - orgId: 100737
                customers: [{id: 62090013, email: Thomas.Sawyer@Example.com, cardNumbers: [C3]}]
            """));
    LedgerStore ledger = ledger(100737);
    assertThat(ledger.customer(new CustomerKey(IdentifierType.EMAIL, "tom@example.com"))).isEmpty();
    assertThat(ledger.customer(new CustomerKey(IdentifierType.MOBILE, "9199"))).isEmpty();
    assertThat(ledger.customer(new CustomerKey(IdentifierType.CARD_NUMBER, "C1"))).isEmpty();
    assertThat(ledger.customer(new CustomerKey(IdentifierType.EMAIL, "thomas.sawyer@example.com")))
        .hasValueSatisfying(c -> assertThat(c.cardNumbers()).containsExactly("C3"));
    assertThat(ledger.customers()).hasSize(2);
  }

  @Test
  void replacingABadgeReplacesItsClaimsAndValidity() {
    store.add(
        snapshot(
            """
            orgs:
              - orgId: 100737
                badges: [{badgeMetaId: 653ddb33b3cda7078c7c68e9, live: false, claims: [{ownerType: Journeys, referenceId: "9"}]}]
            """));
    BadgeMeta badge = ledger(100737).badge(BADGE).orElseThrow();
    assertThat(badge.live()).isFalse();
    assertThat(badge.validity()).isNull();
    assertThat(badge.claims()).containsExactly(new OwnerClaim("Journeys", "9"));
    assertThat(ledger(100737).badges()).hasSize(1);
  }

  @Test
  void revokesOnlyAMatchingActiveInstanceAndOnlyOnce() {
    LedgerStore ledger = ledger(100737);
    assertThat(ledger.revoke(EARNED, BADGE, 62090014)).isEmpty();
    assertThat(ledger.revoke(EARNED, "aaaaaaaaaaaaaaaaaaaaaaaa", 62090013)).isEmpty();
    assertThat(ledger(7).revoke(EARNED, BADGE, 62090013)).isEmpty();
    assertThat(ledger.revoke(EARNED.toUpperCase(), BADGE.toUpperCase(), 62090013))
        .hasValueSatisfying(e -> assertThat(e.active()).isFalse());
    assertThat(ledger.revoke(EARNED, BADGE, 62090013)).isEmpty();
    assertThat(ledger.earn(EARNED).orElseThrow().active()).isFalse();
  }

  @Test
  void addEarnRefusesARequestIdUsedForTheSameBadge() {
    LedgerStore ledger = ledger(100737);
    assertThat(ledger.addEarn(earn("aaaaaaaaaaaaaaaaaaaaaaa1", "r"))).isTrue();
    assertThat(ledger.addEarn(earn("aaaaaaaaaaaaaaaaaaaaaaa2", "r"))).isFalse();
    assertThat(ledger.earn("aaaaaaaaaaaaaaaaaaaaaaa2")).isEmpty();
    assertThat(ledger(7).addEarn(earn("aaaaaaaaaaaaaaaaaaaaaaa3", "r"))).isTrue();
  }

  @Test
  void aSeededRequestIdCountsAsUsedAndAnAddCannotReuseIt() {
    store.add(
        snapshot(
            """
            orgs:
              - orgId: 100737
                earnInstances: [{earnedBadgeId: dddddddddddddddddddddddd, badgeMetaId: 653ddb33b3cda7078c7c68e9, customerId: 62090013, requestId: seeded, active: false}]
            """));
    assertThat(ledger(100737).earn("dddddddddddddddddddddddd").orElseThrow().requestId())
        .isEqualTo("seeded");
    assertThat(ledger(100737).addEarn(earn("aaaaaaaaaaaaaaaaaaaaaaa1", "seeded"))).isFalse();

    assertThatThrownBy(
            () ->
                store.add(
                    snapshot(
                        """
                        orgs:
                          - orgId: 100737
                            earnInstances: [{earnedBadgeId: eeeeeeeeeeeeeeeeeeeeeeee, badgeMetaId: 653DDB33B3CDA7078C7C68E9, customerId: 62090013, requestId: seeded}]
                        """)))
        .isInstanceOf(StateConflict.class)
        .hasMessage(
            "orgs[0].earnInstances[0].requestId seeded was already used for badge"
                + " 653ddb33b3cda7078c7c68e9 by earn instance dddddddddddddddddddddddd");
    assertThat(ledger(100737).earn("eeeeeeeeeeeeeeeeeeeeeeee")).isEmpty();
  }

  @Test
  void aReplaceRemovesEverythingElse() {
    store.add(snapshot("orgs: [{orgId: 9, tills: [{username: nine.till, password: n}]}]"));
    long created = store.createOrg();
    ledger(100737).revoke(EARNED, BADGE, 62090013);

    store.replace(snapshot(SEED));

    assertThat(store.current().orgIds()).containsExactlyInAnyOrder(100737L, 7L);
    assertThat(store.current().till("nine.till")).isEmpty();
    assertThat(store.current().ledger(created)).isEmpty();
    assertThat(ledger(100737).earn(EARNED).orElseThrow().active()).isTrue();
  }

  @Test
  void anAddThatConflictsChangesNothing() {
    assertThatThrownBy(
            () ->
                store.add(
                    snapshot(
                        """
                        orgs:
                          - orgId: 100737
                            customers: [{id: 1}]
                            earnInstances: [{earnedBadgeId: bbbbbbbbbbbbbbbbbbbbbbbb, badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa, customerId: 1}]
                        """)))
        .isInstanceOf(StateConflict.class)
        .hasMessageContaining("orgs[0].earnInstances[0].badgeMetaId aaaaaaaaaaaaaaaaaaaaaaaa");
    assertThat(ledger(100737).customer(CustomerKey.id(1))).isEmpty();

    assertThatThrownBy(
            () ->
                store.add(
                    snapshot(
                        "orgs: [{orgId: 5, customers: [{id: 3}], tills: [{username: demo.till, password: p}]}]")))
        .isInstanceOf(StateConflict.class)
        .hasMessage("orgs[0].tills[0].username demo.till already belongs to org 100737");
    assertThat(store.current().orgIds()).doesNotContain(5L);
    assertThat(store.current().till("demo.till").orElseThrow().orgId()).isEqualTo(100737);
  }

  @Test
  void anAddMayReferToWhatIsAlreadyThere() {
    store.add(
        snapshot(
            """
            orgs:
              - orgId: 100737
                earnInstances: [{earnedBadgeId: cccccccccccccccccccccccc, badgeMetaId: 653ddb33b3cda7078c7c68e9, customerId: 62090014}]
            """));
    assertThat(ledger(100737).earn("cccccccccccccccccccccccc")).isPresent();
  }

  @Test
  void aFailedReplaceChangesNothing() {
    SeedSnapshot broken =
        new SeedSnapshot(
            List.of(
                new OrgSnapshot(
                    1,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(
                        new EarnInstance(
                            "dddddddddddddddddddddddd", BADGE, 2, null, AT, null, true)))));
    assertThatThrownBy(() -> store.replace(broken)).isInstanceOf(StateConflict.class);
    assertThat(store.current().orgIds()).containsExactlyInAnyOrder(100737L, 7L);
    assertThat(store.current().till("demo.till")).isPresent();
  }

  @Test
  void createdOrgsAreEmptyAndDistinctAndDropRemovesAnOrgWithItsCredentials() {
    long a = store.createOrg();
    long b = store.createOrg();
    assertThat(a).isNotEqualTo(b);
    assertThat(ledger(a).customers()).isEmpty();

    assertThat(store.drop(100737)).isTrue();
    assertThat(store.drop(100737)).isFalse();
    assertThat(store.current().ledger(100737)).isEmpty();
    assertThat(store.current().till("demo.till")).isEmpty();
    assertThat(store.current().client("demo-key")).isEmpty();
    assertThat(store.current().till("seven.till")).isPresent();
  }

  @RepeatedTest(5)
  void concurrentRevokesHaveExactlyOneWinner() throws Exception {
    LedgerStore ledger = ledger(100737);
    assertThat(Race.run(THREADS, () -> ledger.revoke(EARNED, BADGE, 62090013).isPresent()))
        .containsOnlyOnce(true);
  }

  @RepeatedTest(5)
  void concurrentEarnsWithOneRequestIdAddOne() throws Exception {
    ObjectIds ids = new ObjectIds(Clock.systemUTC());
    LedgerStore ledger = ledger(100737);
    assertThat(Race.run(THREADS, () -> ledger.addEarn(earn(ids.get(), "same"))))
        .containsOnlyOnce(true);
    assertThat(ledger.earns()).hasSize(2);
  }

  private static EarnInstance earn(String id, String requestId) {
    return new EarnInstance(id, BADGE, 62090013, requestId, AT, null, true);
  }

  /** A store with Set-valued access groups compares regardless of order. */
  static Set<String> groups(String... names) {
    return Set.of(names);
  }

  // --- faults ---

  private static FaultSpec fault(long orgId, FaultTrigger trigger) {
    return new FaultSpec(
        orgId,
        Operation.REVOKE_EARN,
        FaultMatch.ANY,
        trigger,
        new Fault.Error(503, 4001, "authorization service unavailable", null));
  }

  @Test
  void faultsAreKeptInDeclarationOrderPerOrgAndReadBackAsDeclared() {
    long first = store.addFault(fault(100737, FaultTrigger.times(2)));
    long other = store.addFault(fault(7, FaultTrigger.always()));
    long second = store.addFault(fault(100737, FaultTrigger.probability(0.5, 42)));

    assertThat(store.faults()).extracting(DeclaredFault::id).containsExactly(first, other, second);
    assertThat(store.current().faults(100737))
        .extracting(DeclaredFault::id)
        .containsExactly(first, second);
    assertThat(store.current().faults(7)).extracting(DeclaredFault::id).containsExactly(other);
    assertThat(store.faults().get(2).spec())
        .isEqualTo(fault(100737, FaultTrigger.probability(0.5, 42)));
    assertThatThrownBy(() -> store.addFault(fault(999, FaultTrigger.always())))
        .isInstanceOf(StateConflict.class)
        .hasMessageContaining("999");
  }

  @Test
  void aFaultFiresTheTimesDeclaredAndCountsWhatItSaw() {
    long id = store.addFault(fault(100737, FaultTrigger.times(2)));

    assertThat(List.of(store.fire(id), store.fire(id), store.fire(id)))
        .containsExactly(true, true, false);
    DeclaredFault counted = store.faults().get(0);
    assertThat(counted.seen()).isEqualTo(3);
    assertThat(counted.fired()).isEqualTo(2);
    assertThat(store.fire(id + 12345)).isFalse();
  }

  @RepeatedTest(3)
  void aFaultForOneRequestFiresOnceWhateverRacesForIt() throws Exception {
    long id = store.addFault(fault(100737, FaultTrigger.times(1)));

    assertThat(Race.run(THREADS, () -> store.fire(id))).containsOnlyOnce(true);
    assertThat(store.faults().get(0).seen()).isEqualTo(THREADS);
  }

  @Test
  void aProbabilityFaultDrawsTheSameSequenceAfterAReplace() {
    List<Boolean> first = new java.util.ArrayList<>();
    List<Boolean> again = new java.util.ArrayList<>();
    long id = store.addFault(fault(100737, FaultTrigger.probability(0.3, 42)));
    for (int i = 0; i < 40; i++) {
      first.add(store.fire(id));
    }
    store.replace(snapshot(SEED));
    long replayed = store.addFault(fault(100737, FaultTrigger.probability(0.3, 42)));
    for (int i = 0; i < 40; i++) {
      again.add(store.fire(replayed));
    }

    assertThat(again).isEqualTo(first).contains(true, false);
  }

  @Test
  void removingAFaultDroppingItsOrgOrAReplaceTakesItAway() {
    long removed = store.addFault(fault(100737, FaultTrigger.always()));
    long dropped = store.addFault(fault(7, FaultTrigger.always()));
    store.addFault(fault(100737, FaultTrigger.always()));

    assertThat(store.removeFault(removed)).isTrue();
    assertThat(store.removeFault(removed)).isFalse();
    assertThat(store.drop(7)).isTrue();
    assertThat(store.faults())
        .extracting(DeclaredFault::id)
        .doesNotContain(removed, dropped)
        .hasSize(1);
    assertThat(store.fire(dropped)).isFalse();

    store.replace(snapshot(SEED));
    assertThat(store.faults()).isEmpty();
  }

  @Test
  void aSeedsFaultsComeWithIt() {
    store.replace(
        snapshot(SEED + "    faults: [{operation: token, times: 1, fault: {type: reset}}]\n"));
    assertThat(store.current().faults(7))
        .singleElement()
        .satisfies(
            declared -> {
              assertThat(declared.spec().operation()).isEqualTo(Operation.TOKEN);
              assertThat(declared.spec().fault()).isEqualTo(new Fault.Reset());
            });
  }
}
