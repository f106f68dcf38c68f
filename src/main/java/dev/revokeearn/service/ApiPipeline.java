package dev.revokeearn.service;

import com.atlassian.oai.validator.model.Request;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
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
import dev.revokeearn.gate.ContractGate;
import dev.revokeearn.gate.ContractViolation;
import dev.revokeearn.gate.RequestBodies;
import dev.revokeearn.ledger.EarnLedger;
import dev.revokeearn.state.State;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
   * An HTTP status and the JSON body to send.
   *
   * @param orgId the org whose credentials the request named (granted or not); null when none
   * @param errorCodes the Capillary error codes in the body; empty for a success
   */
  public record Answer(int status, String json, Long orgId, List<Long> errorCodes) {}

  /** One request's view of the state, and the org it is attributed to once that is known. */
  private static final class Exchange {
    final State state;
    Long orgId;

    Exchange(State state) {
      this.state = state;
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
    try {
      return new Answer(
          200, JSON.writeValueAsString(dispatch(operation, request, who)), who.orgId, List.of());
    } catch (ApiProblem problem) {
      return answer(problem, who.orgId);
    } catch (RuntimeException | JacksonException e) {
      LOG.error("The mock failed on {} {}", request.getMethod(), request.getPath(), e);
      return answer(CapillaryErrors.notProcessed(), who.orgId);
    }
  }

  private Object dispatch(Operation operation, Request request, Exchange who) {
    checkSize(request);
    return switch (operation) {
      case REVOKE_EARN ->
          badges(request, who)
              .revokeEarn(body(request, RevokeEarnRequest.class), identifier(request));
      case EARN_BADGE ->
          badges(request, who)
              .earnBadge(body(request, EarnBadgeRequest.class), identifier(request));
      case GENERATE_OAUTH_TOKEN -> {
        requireContract(request);
        TokenRequest token = body(request, TokenRequest.class);
        OAuthService tokens = new OAuthService(state.authenticator(), who.state);
        who.orgId = tokens.clientOrg(token.getKey()).orElse(null);
        yield tokens.generateOAuthToken(token);
      }
      case UNMATCHED ->
          throw new IllegalArgumentException("requests no operation serves go to unmatched()");
    };
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
