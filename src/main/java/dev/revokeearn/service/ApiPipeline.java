package dev.revokeearn.service;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.revokeearn.api.ApiCall;
import dev.revokeearn.api.Operation;
import dev.revokeearn.auth.AccessGroup;
import dev.revokeearn.auth.AuthOutcome;
import dev.revokeearn.contract.model.CustomerIdentifierType;
import dev.revokeearn.contract.model.EarnBadgeRequest;
import dev.revokeearn.contract.model.RevokeEarnRequest;
import dev.revokeearn.contract.model.TokenRequest;
import dev.revokeearn.contract.model.TokenResponse;
import dev.revokeearn.faults.Fault;
import dev.revokeearn.gate.ContractGate;
import dev.revokeearn.gate.ContractViolation;
import dev.revokeearn.ledger.EarnLedger;
import dev.revokeearn.mockstate.MockState;
import dev.revokeearn.state.State;
import dev.revokeearn.state.StateUnavailable;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request's way through the mock, whatever serves HTTP: size limit, credentials, contract gate,
 * then the service that implements the generated interface. Every outcome is an {@link Answer}; an
 * error a client can cause is a 4xx in Capillary's envelope, and a failure of the mock itself is
 * logged and answered 400 (a 5xx would tell a client the real API failed): the core's one
 * catch-all, for every host.
 *
 * <pre>{@code
 * ApiPipeline pipeline = new ApiPipeline(state, () -> ContractGate.shared().join(), 65536);
 * Answer answer = pipeline.handle(Operation.REVOKE_EARN, call);
 * }</pre>
 */
public final class ApiPipeline {
  /** One request's view of the state, and what is known of it so far. */
  private static final class Exchange {
    final State state;

    /** The org whose credentials the request proved; null until (unless) it does. */
    Long orgId;

    Fault fault;

    Exchange(State state) {
      this.state = state;
    }
  }

  /** A fault ends the request before the operation is applied. */
  private static final class Interrupted extends RuntimeException {
    Interrupted() {
      super(null, null, false, false);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(ApiPipeline.class);

  /** A reader per body type, made once: the mapper's readValue resolves the type every call. */
  private static final ClassValue<ObjectReader> READERS =
      new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
          return Envelopes.JSON.readerFor(type);
        }
      };

  private final MockState state;
  private final Supplier<ContractGate> gate;
  private final int maxBodyBytes;

  /**
   * @param gate the contract gate; may still be building (see {@link ContractGate#shared()})
   * @param maxBodyBytes a longer body is refused with 413
   */
  public ApiPipeline(MockState state, Supplier<ContractGate> gate, int maxBodyBytes) {
    this.state = state;
    this.gate = gate;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The answer to one request of the operation. */
  public Answer handle(Operation operation, ApiCall call) {
    Exchange who = null;
    try {
      who = new Exchange(state.current());
      Object success = dispatch(operation, call, who);
      Answer answer = new Answer(200, Envelopes.write(success), who.orgId, List.of());
      return who.fault == null ? answer : answer.withFault(who.fault);
    } catch (Interrupted interrupted) {
      return new Answer(0, "", who.orgId, List.of()).withFault(who.fault);
    } catch (ApiProblem problem) {
      Answer answer = Answer.of(problem, who.orgId);
      return who.fault == null ? answer : answer.withFault(who.fault);
    } catch (StateUnavailable e) {
      LOG.warn(
          "{} {}: the state database is unavailable: {}",
          call.method(),
          call.path(),
          e.getMessage());
      return Answer.of(CapillaryErrors.stateUnavailable(), who == null ? null : who.orgId);
    } catch (RuntimeException e) {
      LOG.error("The mock failed on {} {}", call.method(), call.path(), e);
      return Answer.of(CapillaryErrors.notProcessed(), who == null ? null : who.orgId);
    }
  }

  /**
   * The answer to a request no operation serves: 405 on one of the contract's paths, 404 elsewhere.
   * Any method, even one no HTTP library knows, gets it.
   */
  public static Answer unmatched(ApiCall call) {
    String path = call.path();
    String shown = path.length() > 200 ? path.substring(0, 200) + "..." : path;
    return Answer.of(
        Operation.atPath(path).isPresent()
            ? CapillaryErrors.methodNotAllowed(call.method(), shown)
            : CapillaryErrors.noSuchEndpoint(call.method(), shown));
  }

  private Object dispatch(Operation operation, ApiCall call, Exchange who) {
    if (call.body().length > maxBodyBytes) {
      throw CapillaryErrors.payloadTooLarge(maxBodyBytes);
    }
    return switch (operation) {
      case REVOKE_EARN -> {
        BadgesService badges = badges(call, who);
        RevokeEarnRequest revoke = ContractGate.certainRevoke(call);
        if (revoke == null) {
          requireContract(call);
          revoke = body(call, RevokeEarnRequest.class);
        }
        injectFault(
            who,
            operation,
            text(revoke.getCustomerId()),
            revoke.getEarnedBadgeId(),
            revoke.getBadgeMetaId());
        yield badges.revokeEarn(revoke, identifier(call));
      }
      case EARN -> {
        BadgesService badges = badges(call, who);
        requireContract(call);
        EarnBadgeRequest earn = body(call, EarnBadgeRequest.class);
        injectFault(who, operation, text(earn.getCustomerId()), null, earn.getBadgeMetaId());
        yield badges.earnBadge(earn, identifier(call));
      }
      case TOKEN -> {
        requireContract(call);
        TokenRequest token = body(call, TokenRequest.class);
        OAuthService tokens = new OAuthService(state.authenticator(), who.state);
        TokenResponse issued = tokens.generateOAuthToken(token);
        // Only a client that proved its key is an org's: a wrong secret is logged in no org.
        who.orgId = tokens.clientOrg(token.getKey()).orElse(null);
        injectFault(who, operation, null, null, null);
        yield issued;
      }
    };
  }

  /**
   * Decides the org's faults for a request it would serve (credentials and contract passed). An
   * error answers instead of the operation, and a reset, empty or malformed response ends the
   * request, both before anything is applied; a delay and applied-then-reset act on the answer.
   */
  private void injectFault(
      Exchange who,
      Operation operation,
      String customerId,
      String earnedBadgeId,
      String badgeMetaId) {
    who.fault =
        state
            .faults()
            .fired(who.state, who.orgId, operation, customerId, earnedBadgeId, badgeMetaId)
            .orElse(null);
    if (who.fault instanceof Fault.Error error) {
      throw new ApiProblem(error.status(), error.code(), error.message(), null);
    }
    if (who.fault instanceof Fault.Reset
        || who.fault instanceof Fault.EmptyResponse
        || who.fault instanceof Fault.MalformedResponse) {
      throw new Interrupted();
    }
  }

  /** A customerId as the body sends it: the number's digits, or the text. */
  private static String text(JsonNode customerId) {
    return customerId == null || customerId.isNull() ? null : customerId.asText();
  }

  /**
   * Credentials first (the contract is checked after them), so a caller without them learns nothing
   * about the contract or the data.
   */
  private BadgesService badges(ApiCall call, Exchange who) {
    AuthOutcome outcome =
        state
            .authenticator()
            .authenticate(
                who.state,
                call.header("Authorization"),
                call.header("X-CAP-API-OAUTH-TOKEN"),
                AccessGroup.BADGES);
    // Genuine credentials (expired or without access too) show the request to their org.
    who.orgId = outcome.org().orElse(null);
    if (outcome instanceof AuthOutcome.Expired expired) {
      throw CapillaryErrors.tokenExpired(expired.expiredAt());
    }
    if (outcome instanceof AuthOutcome.Denied) {
      throw CapillaryErrors.authenticationFailed();
    }
    if (outcome instanceof AuthOutcome.Forbidden) {
      throw CapillaryErrors.accessDenied();
    }
    // An org removed since the token was issued: its credentials no longer hold.
    EarnLedger ledger =
        state
            .orgs()
            .ledger(who.state, who.orgId)
            .orElseThrow(CapillaryErrors::authenticationFailed);
    return new BadgesService(ledger);
  }

  private void requireContract(ApiCall call) {
    if (ContractGate.certainlyValid(call)) {
      return; // no need to wait for the gate while it is still being built at start-up
    }
    List<ContractViolation> violations = gate.get().check(call);
    if (!violations.isEmpty()) {
      throw CapillaryErrors.contractViolations(violations);
    }
  }

  /** The body as the generated model; the gate has passed it, so a failure here names the field. */
  private static <T> T body(ApiCall call, Class<T> type) {
    try {
      return type.cast(READERS.get(type).readValue(call.text()));
    } catch (JsonMappingException e) {
      String field =
          e.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .reduce((a, b) -> a + "." + b)
              .orElse(null);
      throw CapillaryErrors.badRequest(
          field, "Request body does not fit the contract: " + e.getOriginalMessage());
    } catch (JacksonException e) {
      throw CapillaryErrors.badRequest(
          null, "Request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static CustomerIdentifierType identifier(ApiCall call) {
    String value = call.header("X-CAP-CUSTOMER-IDENTIFIER");
    return value == null ? null : CustomerIdentifierType.fromValue(value);
  }
}
