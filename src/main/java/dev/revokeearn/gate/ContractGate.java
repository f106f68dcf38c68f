package dev.revokeearn.gate;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.revokeearn.api.ApiCall;
import dev.revokeearn.api.Operation;
import dev.revokeearn.contract.model.RevokeEarnRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks requests against the OpenAPI contract with swagger-request-validator. Credentials are not
 * its business (the auth room checks them), so the validator's security checks are off.
 *
 * <pre>{@code
 * ContractGate gate = ContractGate.shared().join();
 * List<ContractViolation> violations = gate.check(call);
 * }</pre>
 */
public final class ContractGate {
  private static volatile CompletableFuture<ContractGate> shared;
  private static volatile ContractGate admin;

  /**
   * What admin clients have always been able to send: a query or a body an endpoint does not read
   * (WireMock's client libraries post {} to endpoints that take nothing).
   */
  private static final Set<String> ADMIN_LENIENT =
      Set.of("validation.request.parameter.query.unexpected", "validation.request.body.unexpected");

  /** What the contract can look at in a request; equal keys get equal verdicts. */
  private record VerdictKey(
      String method,
      String url,
      List<String> contentType,
      List<String> accept,
      List<String> identifier,
      String body) {}

  /** Requests this small are worth remembering; larger ones are rare and checked each time. */
  private static final int CACHED_BODY_CHARS = 2048;

  private static final int CACHED_VERDICTS = 10_000;

  private final OpenApiInteractionValidator validator;
  private final Map<VerdictKey, List<ContractViolation>> verdicts = new ConcurrentHashMap<>();

  public ContractGate(String contractYaml) {
    this(contractYaml, Set.of());
  }

  /**
   * @param ignored validator message keys that are no violation here (e.g. {@code
   *     validation.request.parameter.query.unexpected})
   */
  public ContractGate(String contractYaml, Set<String> ignored) {
    LevelResolver.Builder levels =
        LevelResolver.create()
            .withLevel("validation.request.security", ValidationReport.Level.IGNORE);
    ignored.forEach(key -> levels.withLevel(key, ValidationReport.Level.IGNORE));
    validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(contractYaml)
            .withLevelResolver(levels.build())
            .build();
  }

  /**
   * The gate for the contract packed in the jar, built once per process on a background thread and
   * warmed up: parsing the contract and the validator's first use cost most of a second of CPU. The
   * validator is thread-safe. Cheap once asked for: callers may ask on every request.
   */
  public static CompletableFuture<ContractGate> shared() {
    CompletableFuture<ContractGate> gate = shared;
    if (gate != null) {
      return gate;
    }
    synchronized (ContractGate.class) {
      if (shared == null) {
        shared = CompletableFuture.supplyAsync(() -> new ContractGate(Contract.text()).warmedUp());
      }
      return shared;
    }
  }

  /**
   * The gate for the mock's admin API ({@code openapi/revoke-earn-admin.yaml}), built at its first
   * use, so the admin contract costs nothing at start-up.
   */
  public static ContractGate admin() {
    ContractGate built = admin;
    if (built == null) {
      synchronized (ContractGate.class) {
        if (admin == null) {
          admin = new ContractGate(Contract.adminText(), ADMIN_LENIENT);
        }
        built = admin;
      }
    }
    return built;
  }

  /** Runs one request through each operation, so the first real request pays no set-up. */
  private ContractGate warmedUp() {
    for (Operation operation : Operation.values()) {
      check(
          new ApiCall(
              "POST",
              operation.path(),
              Map.of("Content-Type", List.of("application/json")),
              "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return this;
  }

  /**
   * Every way the request breaks the contract, one violation per problem; empty if none. Verdicts
   * on small requests are remembered (a test suite sends the same request again and again, and
   * schema validation is most of the mock's work): the cache holds at most {@value
   * #CACHED_VERDICTS} and starts afresh when full.
   */
  public List<ContractViolation> check(ApiCall call) {
    if (FastPath.validRevoke(call)) {
      return List.of();
    }
    String body = call.text();
    if (body.length() > CACHED_BODY_CHARS) {
      return validate(call);
    }
    VerdictKey key =
        new VerdictKey(
            call.method(),
            call.url(),
            call.headers("Content-Type"),
            call.headers("Accept"),
            call.headers("X-CAP-CUSTOMER-IDENTIFIER"),
            body);
    List<ContractViolation> verdict = verdicts.get(key);
    if (verdict == null) {
      verdict = validate(call);
      if (verdicts.size() >= CACHED_VERDICTS) {
        verdicts.clear();
      }
      verdicts.put(key, verdict);
    }
    return verdict;
  }

  /**
   * Whether the request is certainly valid without the schema validator: the common revokeEarn
   * shape (see {@link FastPath}). Usable before {@link #shared()} has finished building.
   */
  public static boolean certainlyValid(ApiCall call) {
    return FastPath.validRevoke(call);
  }

  /**
   * A revokeEarn's body, read, when the request is certainly valid (see {@link FastPath}); null
   * when only the validator can tell. Spares a second parse of the most common request.
   */
  public static RevokeEarnRequest certainRevoke(ApiCall call) {
    return FastPath.revoke(call);
  }

  /** The schema validator's verdict alone: no fast path, no cache (the reference, for tests). */
  List<ContractViolation> validate(ApiCall call) {
    String body = call.text();
    List<ContractViolation> violations = new ArrayList<>();
    String contentType = call.header("Content-Type");
    if (!body.isEmpty() && (contentType == null || contentType.isBlank())) {
      // The validator lets a body without Content-Type through; Capillary's gateway needs JSON.
      violations.add(
          new ContractViolation(
              "Content-Type", "Content-Type is missing; send Content-Type: application/json"));
    }
    StrictJson.problem(body)
        .ifPresent(
            problem ->
                violations.add(
                    new ContractViolation(null, "Request body is not valid JSON: " + problem)));
    for (ValidationReport.Message message :
        validator.validateRequest(ValidatorRequest.of(call)).getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        violations.addAll(ViolationMessages.translate(message));
      }
    }
    return List.copyOf(violations);
  }
}
