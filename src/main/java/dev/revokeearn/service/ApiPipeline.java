package dev.revokeearn.service;

import com.atlassian.oai.validator.model.Request;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.revokeearn.auth.AccessGroup;
import dev.revokeearn.auth.AuthOutcome;
import dev.revokeearn.contract.model.ApiError;
import dev.revokeearn.contract.model.CustomerIdentifierType;
import dev.revokeearn.contract.model.EarnBadgeRequest;
import dev.revokeearn.contract.model.ErrorEnvelope;
import dev.revokeearn.contract.model.RevokeEarnRequest;
import dev.revokeearn.contract.model.TokenRequest;
import dev.revokeearn.contract.model.TokenResponse;
import dev.revokeearn.faults.Fault;
import dev.revokeearn.faults.FaultOperation;
import dev.revokeearn.gate.ContractGate;
import dev.revokeearn.gate.ContractViolation;
import dev.revokeearn.gate.RequestBodies;
import dev.revokeearn.ledger.EarnLedger;
import dev.revokeearn.state.State;
import dev.revokeearn.state.StateUnavailable;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request's way through the mock, whatever serves HTTP: size limit, credentials, contract gate,
 * then the service that implements the generated interface. Every outcome is an {@link Answer}; an
 * error a client can cause is a 4xx in Capillary's envelope.
 *
 * <pre>{@code
 * ApiPipeline pipeline = new ApiPipeline(state, ContractGate.shared()::join, 65536);
 * ApiPipeline.Answer answer = pipeline.handle(Operation.REVOKE_EARN, request);
 * }</pre>
 */
public final class ApiPipeline {
  /**
   * An HTTP status and the JSON body to send, and what a declared fault does to them.
   *
   * @param orgId the org whose credentials the request named (granted or not); null when none
   * @param errorCodes the Capillary error codes in the body; empty for a success
   * @param headers headers beyond Content-Type (an injected 429's Retry-After)
   * @param fault the fault that fired for the request, null when none: an {@link Fault.Error} is
   *     this answer already; a delay holds it back; the transport faults replace it (status 0 when
   *     nothing was applied, the status the mock would have answered for applied-then-reset)
   */
  public record Answer(
      int status,
      String json,
      Long orgId,
      List<Long> errorCodes,
      Map<String, String> headers,
      Fault fault) {
    public Answer {
      headers = Map.copyOf(headers);
    }

    Answer(int status, String json, Long orgId, List<Long> errorCodes) {
      this(status, json, orgId, errorCodes, Map.of(), null);
    }

    Answer withFault(Fault fired) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      if (fired instanceof Fault.Error error && error.retryAfterSeconds() != null) {
        more.put("Retry-After", String.valueOf(error.retryAfterSeconds()));
      }
      return new Answer(status, json, orgId, errorCodes, more, fired);
    }
  }

  /** One request's view of the state, and the org it is attributed to once that is known. */
  private static final class Exchange {
    final State state;
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
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .build();

  private final MockState state;
  private final Supplier<ContractGate> gate;
  private final int maxBodyBytes;

  /**
   * @param gate the contract gate; may still be building (see {@link ContractGate#shared()})
   */
  public ApiPipeline(MockState state, Supplier<ContractGate> gate, int maxBodyBytes) {
    this.state = state;
    this.gate = gate;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * The answer to one request. Whatever goes wrong, the answer is an envelope: a failure of the
   * mock itself is logged and answered 400 (a 5xx would tell a client the real API failed).
   */
  public Answer handle(Operation operation, Request request) {
    Exchange who = new Exchange(state.current());
    Answer answer;
    try {
      answer =
          new Answer(
              200,
              JSON.writeValueAsString(dispatch(operation, request, who)),
              who.orgId,
              List.of());
    } catch (Interrupted interrupted) {
      answer = new Answer(0, "", who.orgId, List.of());
    } catch (ApiProblem problem) {
      answer = answer(problem, who.orgId);
    } catch (StateUnavailable e) {
      LOG.warn(
          "{} {}: the state database is unavailable: {}",
          request.getMethod(),
          request.getPath(),
          e.getMessage());
      return answer(CapillaryErrors.stateUnavailable(), who.orgId);
    } catch (RuntimeException | JacksonException e) {
      LOG.error("The mock failed on {} {}", request.getMethod(), request.getPath(), e);
      return answer(CapillaryErrors.notProcessed(), who.orgId);
    }
    return who.fault == null ? answer : answer.withFault(who.fault);
  }

  private Object dispatch(Operation operation, Request request, Exchange who) {
    checkSize(request);
    return switch (operation) {
      case REVOKE_EARN -> {
        BadgesService badges = badges(request, who);
        RevokeEarnRequest revoke = body(request, RevokeEarnRequest.class);
        injectFault(
            who,
            FaultOperation.REVOKE_EARN,
            text(revoke.getCustomerId()),
            revoke.getEarnedBadgeId(),
            revoke.getBadgeMetaId());
        yield badges.revokeEarn(revoke, identifier(request));
      }
      case EARN_BADGE -> {
        BadgesService badges = badges(request, who);
        EarnBadgeRequest earn = body(request, EarnBadgeRequest.class);
        injectFault(
            who, FaultOperation.EARN, text(earn.getCustomerId()), null, earn.getBadgeMetaId());
        yield badges.earnBadge(earn, identifier(request));
      }
      case GENERATE_OAUTH_TOKEN -> {
        requireContract(request);
        TokenRequest token = body(request, TokenRequest.class);
        OAuthService tokens = new OAuthService(state.authenticator(), who.state);
        who.orgId = tokens.clientOrg(token.getKey()).orElse(null);
        TokenResponse issued = tokens.generateOAuthToken(token);
        injectFault(who, FaultOperation.TOKEN, null, null, null);
        yield issued;
      }
      case UNMATCHED ->
          throw new IllegalArgumentException("requests no operation serves go to unmatched()");
    };
  }

  /**
   * Decides the org's faults for a request it would serve (credentials and contract passed). An
   * error answers instead of the operation, and a reset, empty or malformed response ends the
   * request, both before anything is applied; a delay and applied-then-reset act on the answer.
   */
  private void injectFault(
      Exchange who,
      FaultOperation operation,
      String customerId,
      String earnedBadgeId,
      String badgeMetaId) {
    who.fault =
        state
            .faultFor(who.state, who.orgId, operation, customerId, earnedBadgeId, badgeMetaId)
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

  /** Credentials first, so a caller without them learns nothing about the contract or the data. */
  private BadgesService badges(Request request, Exchange who) {
    AuthOutcome outcome =
        state
            .authenticator()
            .authenticate(
                who.state,
                header(request, "Authorization"),
                header(request, "X-CAP-API-OAUTH-TOKEN"),
                AccessGroup.BADGES);
    who.orgId = outcome.org().orElse(null);
    if (outcome instanceof AuthOutcome.Expired expired) {
      throw CapillaryErrors.tokenExpired(expired.expiredAt());
    }
    if (outcome instanceof AuthOutcome.Forbidden) {
      throw CapillaryErrors.accessDenied();
    }
    if (!(outcome instanceof AuthOutcome.Granted granted)) {
      throw CapillaryErrors.authenticationFailed();
    }
    // An org removed since the token was issued: its credentials no longer hold.
    EarnLedger ledger =
        state.ledger(who.state, granted.orgId()).orElseThrow(CapillaryErrors::authenticationFailed);
    requireContract(request);
    return new BadgesService(ledger);
  }

  private void requireContract(Request request) {
    if (ContractGate.certainlyValid(request)) {
      return; // no need to wait for the gate while it is still being built at start-up
    }
    List<ContractViolation> violations = gate.get().check(request);
    if (!violations.isEmpty()) {
      throw CapillaryErrors.contractViolations(violations);
    }
  }

  private void checkSize(Request request) {
    String body = RequestBodies.text(request);
    if (body.length() > maxBodyBytes
        || body.getBytes(StandardCharsets.UTF_8).length > maxBodyBytes) {
      throw CapillaryErrors.payloadTooLarge(maxBodyBytes);
    }
  }

  /** The body as the generated model; the gate has passed it, so a failure here names the field. */
  private static <T> T body(Request request, Class<T> type) {
    try {
      return JSON.readValue(RequestBodies.text(request), type);
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

  private static CustomerIdentifierType identifier(Request request) {
    String value = header(request, "X-CAP-CUSTOMER-IDENTIFIER");
    return value == null ? null : CustomerIdentifierType.fromValue(value);
  }

  private static String header(Request request, String name) {
    return request.getHeaderValues(name).stream().findFirst().orElse(null);
  }

  /**
   * The answer to a request no operation serves: 405 on one of the contract's paths, 404 elsewhere.
   * Any method, even one no HTTP library knows, gets it.
   */
  public Answer unmatched(String method, String path, boolean knownPath) {
    String shown = path.length() > 200 ? path.substring(0, 200) + "..." : path;
    return answer(
        knownPath
            ? CapillaryErrors.methodNotAllowed(method, shown)
            : CapillaryErrors.noSuchEndpoint(method, shown),
        null);
  }

  /** An error answer outside any request's handling (the router's last resort). */
  public Answer answer(ApiProblem problem) {
    return answer(problem, null);
  }

  private static Answer answer(ApiProblem problem, Long orgId) {
    try {
      return new Answer(
          problem.status(),
          JSON.writeValueAsString(new ErrorEnvelope(null, problem.errors(), null)),
          orgId,
          problem.errors().stream().map(ApiError::getCode).toList());
    } catch (JacksonException e) {
      throw new IllegalStateException("The error envelope always serializes", e);
    }
  }
}
