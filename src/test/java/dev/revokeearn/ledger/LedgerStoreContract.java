package dev.revokeearn.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.testing.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** What every {@link LedgerStore} must do; each implementation's test extends this. */
public abstract class LedgerStoreContract {
  static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");
  static final String BADGE = "653ddb33b3cda7078c7c68e9";
  static final String EARNED = "654cbea06bccde1274b6d3a2";
  static final int THREADS = 64;

  protected LedgerStore store;

  /** A new, empty store for one test. */
  protected abstract LedgerStore newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
    store.putCustomer(
        new Customer(62090013, "Tom@Example.com", "9199", "ext-1", List.of("C1", "C2")));
    store.putBadge(
        new BadgeMeta(
            BADGE,
            EarnType.EARN,
            true,
            Set.of(new OwnerClaim("Loyalty", "1")),
            Duration.ofDays(365)));
    store.putEarn(
        new EarnInstance(EARNED, BADGE, 62090013, null, AT, AT.plus(Duration.ofDays(365)), true));
  }

  @Test
  void findsCustomersByEveryIdentifier() {
    assertThat(store.customer(CustomerKey.id(62090013))).isPresent();
    assertThat(store.customer(new CustomerKey(IdentifierType.EMAIL, "tom@example.com")))
        .isPresent();
    assertThat(store.customer(new CustomerKey(IdentifierType.MOBILE, "9199"))).isPresent();
    assertThat(store.customer(new CustomerKey(IdentifierType.EXTERNAL_ID, "ext-1"))).isPresent();
    assertThat(store.customer(new CustomerKey(IdentifierType.CARD_NUMBER, "C2")))
        .hasValueSatisfying(c -> assertThat(c.cardNumbers()).containsExactlyInAnyOrder("C1", "C2"));
    assertThat(store.customer(new CustomerKey(IdentifierType.EXTERNAL_ID, "EXT-1"))).isEmpty();
  }

  @Test
  void keepsBadgesAndEarnInstancesAsPut() {
    assertThat(store.badge(BADGE.toUpperCase()))
        .hasValueSatisfying(
            b -> {
              assertThat(b.claimedBy(new OwnerClaim("Loyalty", "1"))).isTrue();
              assertThat(b.validity()).isEqualTo(Duration.ofDays(365));
            });
    assertThat(store.earn(EARNED))
        .hasValue(
            new EarnInstance(
                EARNED, BADGE, 62090013, null, AT, AT.plus(Duration.ofDays(365)), true));
    assertThat(store.customers()).hasSize(1);
    assertThat(store.badges()).hasSize(1);
    assertThat(store.earns()).hasSize(1);
    assertThat(store.earnCount()).isEqualTo(1);
  }

  @Test
  void revokesOnlyAMatchingActiveInstanceAndOnlyOnce() {
    assertThat(store.revoke(EARNED, BADGE, 1)).isEmpty();
    assertThat(store.revoke(EARNED, "aaaaaaaaaaaaaaaaaaaaaaaa", 62090013)).isEmpty();
    assertThat(store.revoke(EARNED, BADGE, 62090013))
        .hasValueSatisfying(e -> assertThat(e.active()).isFalse());
    assertThat(store.revoke(EARNED, BADGE, 62090013)).isEmpty();
  }

  @Test
  void addEarnRefusesARequestIdUsedForTheSameBadge() {
    assertThat(
            store.addEarn(
                new EarnInstance("aaaaaaaaaaaaaaaaaaaaaaa1", BADGE, 62090013, "r", AT, null, true)))
        .isTrue();
    assertThat(
            store.addEarn(
                new EarnInstance("aaaaaaaaaaaaaaaaaaaaaaa2", BADGE, 62090013, "r", AT, null, true)))
        .isFalse();
    assertThat(store.earn("aaaaaaaaaaaaaaaaaaaaaaa2")).isEmpty();
  }

  @Test
  void clearForgetsEverything() {
    store.clear();
    assertThat(store.customers()).isEmpty();
    assertThat(store.badges()).isEmpty();
    assertThat(store.earns()).isEmpty();
  }

  @RepeatedTest(10)
  void concurrentRevokesHaveExactlyOneWinner() throws Exception {
    assertThat(Race.run(THREADS, () -> store.revoke(EARNED, BADGE, 62090013).isPresent()))
        .containsOnlyOnce(true);
  }

  @RepeatedTest(10)
  void concurrentEarnsWithOneRequestIdAddOne() throws Exception {
    ObjectIds ids = new ObjectIds(java.time.Clock.systemUTC());
    assertThat(
            Race.run(
                THREADS,
                () ->
                    store.addEarn(
                        new EarnInstance(ids.get(), BADGE, 62090013, "same", AT, null, true))))
        .containsOnlyOnce(true);
    assertThat(store.earns()).hasSize(2);
  }
}
