package dev.revokeearn.gate;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
 * List<ContractViolation> violations = gate.check(request);
 * }</pre>
 */
public final class ContractGate {
  private static volatile CompletableFuture<ContractGate> shared;

  /** What the contract can look at in a request; equal keys get equal verdicts. */
  private record VerdictKey(
      String method,
      String path,
      Map<String, Collection<String>> query,
      Collection<String> contentType,
      Collection<String> accept,
      Collection<String> identifier,
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

  /** Runs one request through each operation, so the first real request pays no set-up. */
  private ContractGate warmedUp() {
    for (String path :
        List.of(
            "/api_gateway/v1/badges/customer/revokeEarn",
            "/api_gateway/v1/badges/customer/earn",
            "/v3/oauth/token/generate")) {
      check(
          SimpleRequest.Builder.post(path)
              .withContentType("application/json")
              .withBody("{}")
              .build());
    }
    return this;
  }

  /**
   * Every way the request breaks the contract, one violation per problem; empty if none. Verdicts
   * on small requests are remembered (a test suite sends the same request again and again, and
   * schema validation is most of the mock's work): the cache holds at most {@value
   * #CACHED_VERDICTS} and starts afresh when full.
   */
  public List<ContractViolation> check(Request request) {
    String body = RequestBodies.text(request);
    if (FastPath.validRevoke(request, body)) {
      return List.of();
    }
    if (body.length() > CACHED_BODY_CHARS) {
      return validate(request, body);
    }
    VerdictKey key =
        new VerdictKey(
            request.getMethod().name(),
            request.getPath(),
            queryOf(request),
            request.getHeaderValues("Content-Type"),
            request.getHeaderValues("Accept"),
            request.getHeaderValues("X-CAP-CUSTOMER-IDENTIFIER"),
            body);
    List<ContractViolation> verdict = verdicts.get(key);
    if (verdict == null) {
      verdict = validate(request, body);
      if (verdicts.size() >= CACHED_VERDICTS) {
        verdicts.clear();
      }
      verdicts.put(key, verdict);
    }
    return verdict;
  }

  private static Map<String, Collection<String>> queryOf(Request request) {
    Map<String, Collection<String>> query = new HashMap<>();
    request
        .getQueryParameters()
        .forEach(name -> query.put(name, List.copyOf(request.getQueryParameterValues(name))));
    return query;
  }

  /**
   * Whether the request is certainly valid without the schema validator: the common revokeEarn
   * shape (see {@link FastPath}). Usable before {@link #shared()} has finished building.
   */
  public static boolean certainlyValid(Request request) {
    return FastPath.validRevoke(request, RequestBodies.text(request));
  }

  /** The schema validator's verdict alone: no fast path, no cache (the reference, for tests). */
  List<ContractViolation> validate(Request request) {
    return validate(request, RequestBodies.text(request));
  }

  private List<ContractViolation> validate(Request request, String body) {
    List<ContractViolation> violations = new ArrayList<>();
    if (!body.isEmpty() && request.getContentType().map(String::isBlank).orElse(true)) {
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
    for (ValidationReport.Message message : validator.validateRequest(request).getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        violations.addAll(ViolationMessages.translate(message));
      }
    }
    return List.copyOf(violations);
  }
}
