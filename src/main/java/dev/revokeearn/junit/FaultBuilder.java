package dev.revokeearn.junit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revokeearn.service.MockState;
import java.time.Duration;

/**
 * Declares a fault for this test's org, in a few words; the same declaration as {@code POST
 * /__admin/revoke-earn/faults} takes, checked the same way. Choose the operation (revokeEarn when
 * none is chosen), optionally the requests and how often, then what happens:
 *
 * <pre>{@code
 * capillary.fault().onRevokeEarn().forEarnedBadge(id).times(1).appliedThenReset();
 * capillary.fault().onEarn().withProbability(0.3, 42).error(503);
 * capillary.fault().onToken().times(2).delay(Duration.ofSeconds(3));
 * }</pre>
 *
 * Each final call declares the fault and returns its id; {@link RevokeEarnMockExtension#faults()}
 * shows how often it fired.
 */
public final class FaultBuilder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockState state;
  private final ObjectNode declaration = JSON.createObjectNode();

  FaultBuilder(MockState state, long orgId) {
    this.state = state;
    declaration.put("orgId", orgId).put("operation", "revokeEarn");
  }

  public FaultBuilder onRevokeEarn() {
    declaration.put("operation", "revokeEarn");
    return this;
  }

  public FaultBuilder onEarn() {
    declaration.put("operation", "earn");
    return this;
  }

  public FaultBuilder onToken() {
    declaration.put("operation", "token");
    return this;
  }

  /** Only requests whose body names the customer so (a numeric id, or the email, mobile, ...). */
  public FaultBuilder forCustomer(String customerId) {
    match().put("customerId", customerId);
    return this;
  }

  public FaultBuilder forCustomer(long customerId) {
    match().put("customerId", customerId);
    return this;
  }

  /** Only revokes of this earn instance. */
  public FaultBuilder forEarnedBadge(String earnedBadgeId) {
    match().put("earnedBadgeId", earnedBadgeId);
    return this;
  }

  public FaultBuilder forBadgeMeta(String badgeMetaId) {
    match().put("badgeMetaId", badgeMetaId);
    return this;
  }

  /**
   * Fires for the first {@code times} matching requests (every one when neither this nor a
   * probability is given).
   */
  public FaultBuilder times(int times) {
    declaration.put("times", times);
    return this;
  }

  /** Fires for each matching request with this probability, the same ones for the same seed. */
  public FaultBuilder withProbability(double probability, long seed) {
    declaration.put("probability", probability).put("seed", seed);
    return this;
  }

  /** An error the contract declares for the operation, with Capillary's code and message. */
  public long error(int status) {
    return declare(fault("error").put("status", status));
  }

  public long error(int status, long code, String message) {
    return declare(fault("error").put("status", status).put("code", code).put("message", message));
  }

  /** 429 with {@code Retry-After}. */
  public long tooManyRequests(int retryAfterSeconds) {
    return declare(fault("error").put("status", 429).put("retryAfterSeconds", retryAfterSeconds));
  }

  /** The real answer, this much later. */
  public long delay(Duration delay) {
    return declare(fault("delay").put("millis", delay.toMillis()));
  }

  /** The real answer, after a delay drawn evenly from min to max. */
  public long delay(Duration min, Duration max) {
    return declare(
        fault("delay")
            .put("distribution", "uniform")
            .put("min", min.toMillis())
            .put("max", max.toMillis()));
  }

  /** The real answer, after a log-normal delay around {@code median}. */
  public long delayLogNormal(Duration median, double sigma) {
    return declare(
        fault("delay")
            .put("distribution", "lognormal")
            .put("median", median.toMillis())
            .put("sigma", sigma));
  }

  /** The connection is reset before anything is applied. */
  public long reset() {
    return declare(fault("reset"));
  }

  public long emptyResponse() {
    return declare(fault("empty-response"));
  }

  public long malformedResponse() {
    return declare(fault("malformed-response"));
  }

  /** The operation is applied, then the connection reset: a retried revoke meets 814. */
  public long appliedThenReset() {
    return declare(fault("applied-then-reset"));
  }

  private ObjectNode match() {
    return declaration.has("match")
        ? (ObjectNode) declaration.get("match")
        : declaration.putObject("match");
  }

  private static ObjectNode fault(String type) {
    return JSON.createObjectNode().put("type", type);
  }

  private long declare(ObjectNode fault) {
    declaration.set("fault", fault);
    return state.declareFault(declaration);
  }
}
