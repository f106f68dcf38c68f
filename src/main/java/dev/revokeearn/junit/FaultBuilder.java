package dev.revokeearn.junit;

import dev.revokeearn.api.Operation;
import dev.revokeearn.faults.Distribution;
import dev.revokeearn.faults.Fault;
import dev.revokeearn.faults.FaultMatch;
import dev.revokeearn.faults.FaultSpec;
import dev.revokeearn.faults.FaultSpecException;
import dev.revokeearn.faults.FaultTrigger;
import dev.revokeearn.mockstate.Faults;
import java.time.Duration;

/**
 * Declares a fault for this test's org, in a few words; the same fault as {@code POST
 * /__admin/revoke-earn/faults} declares. Choose the operation (revokeEarn when none is chosen),
 * optionally the requests and how often, then what happens:
 *
 * <pre>{@code
 * capillary.fault().onRevokeEarn().forEarnedBadge(id).times(1).appliedThenReset();
 * capillary.fault().onEarn().withProbability(0.3, 42).error(503);
 * capillary.fault().onToken().times(2).delay(Duration.ofSeconds(3));
 * }</pre>
 *
 * Each final call declares the fault and returns its id; {@link RevokeEarnMockExtension#faults()}
 * shows how often it fired. A fault the contract does not allow (an error status it does not
 * declare for the operation) throws {@link FaultSpecException} naming the field.
 */
public final class FaultBuilder {
  /** The longest a delay may be, as the admin API allows: ten minutes. */
  private static final Duration MAX_DELAY = Duration.ofMinutes(10);

  private final Faults faults;
  private final long orgId;
  private Operation operation = Operation.REVOKE_EARN;
  private String customerId;
  private String earnedBadgeId;
  private String badgeMetaId;
  private FaultTrigger trigger = FaultTrigger.always();

  FaultBuilder(Faults faults, long orgId) {
    this.faults = faults;
    this.orgId = orgId;
  }

  public FaultBuilder onRevokeEarn() {
    operation = Operation.REVOKE_EARN;
    return this;
  }

  public FaultBuilder onEarn() {
    operation = Operation.EARN;
    return this;
  }

  public FaultBuilder onToken() {
    operation = Operation.TOKEN;
    return this;
  }

  /** Only requests whose body names the customer so (a numeric id, or the email, mobile, ...). */
  public FaultBuilder forCustomer(String customerId) {
    this.customerId = customerId;
    return this;
  }

  public FaultBuilder forCustomer(long customerId) {
    return forCustomer(Long.toString(customerId));
  }

  /** Only revokes of this earn instance. */
  public FaultBuilder forEarnedBadge(String earnedBadgeId) {
    this.earnedBadgeId = earnedBadgeId;
    return this;
  }

  public FaultBuilder forBadgeMeta(String badgeMetaId) {
    this.badgeMetaId = badgeMetaId;
    return this;
  }

  /**
   * Fires for the first {@code times} matching requests (every one when neither this nor a
   * probability is given).
   */
  public FaultBuilder times(int times) {
    if (times < 1) {
      throw new FaultSpecException("times", "must be 1 or more, got " + times);
    }
    trigger = FaultTrigger.times(times);
    return this;
  }

  /** Fires for each matching request with this probability, the same ones for the same seed. */
  public FaultBuilder withProbability(double probability, long seed) {
    if (!(probability > 0) || probability > 1) {
      throw new FaultSpecException(
          "probability", "must be above 0 and at most 1, got " + probability);
    }
    trigger = FaultTrigger.probability(probability, seed);
    return this;
  }

  /** An error the contract declares for the operation, with Capillary's code and message. */
  public long error(int status) {
    return declare(Fault.Error.of(operation, status));
  }

  public long error(int status, long code, String message) {
    return declare(
        new Fault.Error(
            status, code, message, Fault.Error.of(operation, status).retryAfterSeconds()));
  }

  /** 429 with {@code Retry-After}. */
  public long tooManyRequests(int retryAfterSeconds) {
    return declare(
        new Fault.Error(
            429,
            Fault.Error.of(operation, 429).code(),
            Fault.Error.of(operation, 429).message(),
            retryAfterSeconds));
  }

  /** The real answer, this much later. */
  public long delay(Duration delay) {
    return declare(new Fault.Delay(new Distribution.Fixed(millis(delay, "millis"))));
  }

  /** The real answer, after a delay drawn evenly from min to max. */
  public long delay(Duration min, Duration max) {
    return declare(
        new Fault.Delay(new Distribution.Uniform(millis(min, "min"), millis(max, "max"))));
  }

  /** The real answer, after a log-normal delay around {@code median}. */
  public long delayLogNormal(Duration median, double sigma) {
    return declare(new Fault.Delay(new Distribution.LogNormal(millis(median, "median"), sigma)));
  }

  /** The connection is reset before anything is applied. */
  public long reset() {
    return declare(new Fault.Reset());
  }

  public long emptyResponse() {
    return declare(new Fault.EmptyResponse());
  }

  public long malformedResponse() {
    return declare(new Fault.MalformedResponse());
  }

  /** The operation is applied, then the connection reset: a retried revoke meets 814. */
  public long appliedThenReset() {
    return declare(new Fault.AppliedThenReset());
  }

  private static long millis(Duration delay, String field) {
    if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
      throw new FaultSpecException(field, "must be from 0 to 10 minutes, got " + delay);
    }
    return delay.toMillis();
  }

  private long declare(Fault fault) {
    return faults.declare(
        new FaultSpec(
            orgId,
            operation,
            new FaultMatch(customerId, earnedBadgeId, badgeMetaId),
            trigger,
            fault));
  }
}
