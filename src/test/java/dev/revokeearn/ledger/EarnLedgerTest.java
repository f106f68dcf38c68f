package dev.revokeearn.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.ledger.entity.BadgeMeta;
import dev.revokeearn.ledger.entity.Customer;
import dev.revokeearn.ledger.entity.CustomerKey;
import dev.revokeearn.ledger.entity.EarnInstance;
import dev.revokeearn.ledger.entity.EarnType;
import dev.revokeearn.ledger.entity.IdentifierType;
import dev.revokeearn.ledger.entity.OwnerClaim;
import dev.revokeearn.testing.Race;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class EarnLedgerTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final String BADGE = "653ddb33b3cda7078c7c68e9";
  static final String OTHER_BADGE = "653de84db3cda7078c7c68ed";
  static final String EARNED = "654cbea06bccde1274b6d3a2";
  static final OwnerClaim LOYALTY = new OwnerClaim("Loyalty", "123694");
  static final int THREADS = 64;

  final EarnLedger ledger =
      new EarnLedger(new InMemoryLedgerStore(), Clock.fixed(NOW, ZoneOffset.UTC));

  EarnLedgerTest() {
    LedgerStore store = ledger.store();
    store.putCustomer(
        new Customer(62090013, "tom.sawyer@example.com", "919988776655", "ext-1", List.of("C1")));
    store.putCustomer(new Customer(62090014, "huck@example.com", null, null, null));
    store.putBadge(
        new BadgeMeta(BADGE, EarnType.EARN, true, Set.of(LOYALTY), Duration.ofDays(365)));
    store.putBadge(
        new BadgeMeta(OTHER_BADGE, EarnType.ISSUE_AND_EARN, true, Set.of(LOYALTY), null));
    store.putEarn(new EarnInstance(EARNED, BADGE, 62090013, null, NOW, null, true));
  }

  @Test
  void anActiveInstanceIsRevokedOnceThenIsNotActive() {
    assertThat(ledger.revoke(CustomerKey.id(62090013), BADGE, EARNED))
        .hasValueSatisfying(revoked -> assertThat(revoked.active()).isFalse());
    assertThat(ledger.revoke(CustomerKey.id(62090013), BADGE, EARNED)).isEmpty();
    assertThat(ledger.store().earn(EARNED))
        .hasValueSatisfying(e -> assertThat(e.active()).isFalse());
  }

  @Test
  void anyIdentifierOfTheCustomerRevokes() {
    assertThat(
            ledger.revoke(
                new CustomerKey(IdentifierType.EMAIL, "Tom.Sawyer@Example.com"),
                BADGE.toUpperCase(),
                EARNED))
        .isPresent();
  }

  @Test
  void mismatchesAndUnknownsRevokeNothing() {
    assertThat(ledger.revoke(CustomerKey.id(62090014), BADGE, EARNED)).isEmpty();
    assertThat(ledger.revoke(CustomerKey.id(62090013), OTHER_BADGE, EARNED)).isEmpty();
    assertThat(ledger.revoke(CustomerKey.id(99), BADGE, EARNED)).isEmpty();
    assertThat(ledger.revoke(CustomerKey.id(62090013), BADGE, "000000000000000000000000"))
        .isEmpty();
    assertThat(ledger.store().earn(EARNED))
        .hasValueSatisfying(e -> assertThat(e.active()).isTrue());
  }

  @RepeatedTest(20)
  void concurrentRevokesHaveExactlyOneWinner() throws Exception {
    long winners =
        Race.run(THREADS, () -> ledger.revoke(CustomerKey.id(62090013), BADGE, EARNED).isPresent())
            .stream()
            .filter(won -> won)
            .count();
    assertThat(winners).isEqualTo(1);
  }

  @RepeatedTest(20)
  void concurrentEarnsWithOneRequestIdCreateOneInstance() throws Exception {
    EarnCommand command = new EarnCommand(BADGE, CustomerKey.id(62090013), "req-1", null, LOYALTY);
    long created =
        Race.run(THREADS, () -> ledger.earn(command) instanceof EarnOutcome.Earned).stream()
            .filter(won -> won)
            .count();
    assertThat(created).isEqualTo(1);
    assertThat(ledger.store().earns()).hasSize(2);
  }

  @Test
  void earnChecksInTheDocumentedOrder() {
    assertThat(refusal(new EarnCommand(BADGE, CustomerKey.id(62090013), null, null, LOYALTY)))
        .isEqualTo(EarnRefusal.REQUEST_ID_MISSING);
    assertThat(refusal(new EarnCommand(BADGE, null, "r", null, LOYALTY)))
        .isEqualTo(EarnRefusal.CUSTOMER_ID_MISSING);
    assertThat(
            refusal(
                new EarnCommand(
                    BADGE, CustomerKey.id(62090013), "r", null, new OwnerClaim(null, "x"))))
        .isEqualTo(EarnRefusal.OWNER_TYPE_MISSING);
    assertThat(
            refusal(
                new EarnCommand(BADGE, CustomerKey.id(62090013), "r", NOW.plusSeconds(1), LOYALTY)))
        .isEqualTo(EarnRefusal.EVENT_DATE_IN_FUTURE);
    assertThat(
            refusal(
                new EarnCommand(
                    "aaaaaaaaaaaaaaaaaaaaaaaa", CustomerKey.id(62090013), "r", null, LOYALTY)))
        .isEqualTo(EarnRefusal.BADGE_NOT_FOUND);
    assertThat(refusal(new EarnCommand(OTHER_BADGE, CustomerKey.id(62090013), "r", null, LOYALTY)))
        .isEqualTo(EarnRefusal.ISSUE_REQUIRED);
    assertThat(
            refusal(
                new EarnCommand(
                    BADGE, CustomerKey.id(62090013), "r", null, new OwnerClaim("Journeys", "1"))))
        .isEqualTo(EarnRefusal.NOT_CLAIMED);
    assertThat(refusal(new EarnCommand(BADGE, CustomerKey.id(5), "r", null, LOYALTY)))
        .isEqualTo(EarnRefusal.CUSTOMER_NOT_FOUND);
  }

  @Test
  void aNotLiveBadgeCannotBeEarned() {
    ledger.store().putBadge(new BadgeMeta(BADGE, EarnType.EARN, false, Set.of(LOYALTY), null));
    assertThat(refusal(new EarnCommand(BADGE, CustomerKey.id(62090013), "r", null, LOYALTY)))
        .isEqualTo(EarnRefusal.BADGE_NOT_LIVE);
  }

  @Test
  void anEarnedInstanceIsActiveAndExpiresAfterTheBadgesValidity() {
    Instant at = NOW.minus(Duration.ofDays(1));
    EarnOutcome outcome =
        ledger.earn(new EarnCommand(BADGE, CustomerKey.id(62090013), "r", at, LOYALTY));
    assertThat(outcome).isInstanceOf(EarnOutcome.Earned.class);
    EarnInstance earned = ((EarnOutcome.Earned) outcome).instance();
    assertThat(earned.active()).isTrue();
    assertThat(earned.earnedBadgeId()).matches("[0-9a-f]{24}").isNotEqualTo(EARNED);
    assertThat(earned.expiresOn()).isEqualTo(at.plus(Duration.ofDays(365)));
    assertThat(ledger.revoke(CustomerKey.id(62090013), BADGE, earned.earnedBadgeId())).isPresent();
  }

  private EarnRefusal refusal(EarnCommand command) {
    EarnOutcome outcome = ledger.earn(command);
    assertThat(outcome).isInstanceOf(EarnOutcome.Refused.class);
    return ((EarnOutcome.Refused) outcome).reason();
  }
}
