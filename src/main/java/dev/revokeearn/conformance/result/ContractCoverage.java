package dev.revokeearn.conformance.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which of the contract's answers a run received and found valid. The contract names every answer
 * it documents: each operation's response statuses and, for an error status, each Capillary error
 * code its examples carry. Each is an {@link Item}; a run records every response it gets.
 *
 * <pre>{@code
 * ContractCoverage coverage = ContractCoverage.of(Contract.text());
 * coverage.record("POST", "/api_gateway/v1/badges/customer/revokeEarn", 409, List.of(814L), true);
 * coverage.report().covered();
 * }</pre>
 */
public final class ContractCoverage {
  /**
   * One documented answer.
   *
   * @param code the Capillary error code; null for a success
   */
  public record Item(String operation, int status, Long code) {
    @Override
    public String toString() {
      return operation + " " + status + (code == null ? "" : " code " + code);
    }
  }

  /** What a run saw of one item. */
  public record Seen(Item item, int received, int valid) {
    public boolean covered() {
      return valid > 0;
    }
  }

  /** The coverage of a finished run. */
  public record Report(List<Seen> items, List<Seen> undocumented) {
    public long covered() {
      return items.stream().filter(Seen::covered).count();
    }

    public double percent() {
      return items.isEmpty() ? 100.0 : 100.0 * covered() / items.size();
    }
  }

  private static final class Tally {
    final AtomicInteger received = new AtomicInteger();
    final AtomicInteger valid = new AtomicInteger();
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Item> items;
  private final Map<String, String> operations;
  private final Map<Item, Tally> seen = new ConcurrentHashMap<>();

  /** "operationId status" of the declared platform failures. */
  private final Set<String> platformFailures;

  private ContractCoverage(
      List<Item> items, Map<String, String> operations, Set<String> platformFailures) {
    this.items = List.copyOf(items);
    this.operations = Map.copyOf(operations);
    this.platformFailures = Set.copyOf(platformFailures);
  }

  /** Every answer the contract documents, in the contract's order. */
  public static ContractCoverage of(String contractYaml) {
    OpenAPI api = parse(contractYaml);
    List<Item> items = new ArrayList<>();
    Set<String> platform = new java.util.HashSet<>();
    Map<String, String> operations = new LinkedHashMap<>();
    api.getPaths()
        .forEach(
            (path, pathItem) ->
                pathItem
                    .readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          String id = operation.getOperationId();
                          operations.put(key(method.name(), path), id);
                          operation
                              .getResponses()
                              .forEach(
                                  (status, response) -> {
                                    if (platformFailure(response)) {
                                      platform.add(id + " " + status);
                                    } else {
                                      itemsOf(id, Integer.parseInt(status), response)
                                          .forEach(items::add);
                                    }
                                  });
                        }));
    return new ContractCoverage(items, operations, platform);
  }

  /**
   * A platform failure (429, 5xx) is declared so that injected faults stay inside the contract; no
   * request alone produces one, so it is neither required nor, when seen, undocumented.
   */
  private static boolean platformFailure(ApiResponse response) {
    return response.getExtensions() != null
        && Boolean.TRUE.equals(response.getExtensions().get("x-platform-failure"));
  }

  public List<Item> items() {
    return items;
  }

  /** The operation the contract serves at this method and path, if any. */
  public Optional<String> operation(String method, String path) {
    return Optional.ofNullable(operations.get(key(method, path)));
  }

  /**
   * Records one response.
   *
   * @param codes the Capillary error codes in its {@code errors} array (empty for a success)
   * @param valid whether it passed the contract's response validation
   */
  public void record(String method, String path, int status, List<Long> codes, boolean valid) {
    String operation = operation(method, path).orElse(method + " " + path);
    Collection<Long> each = codes.isEmpty() ? java.util.Collections.singletonList(null) : codes;
    Set<Long> distinct = new LinkedHashSet<>(each);
    for (Long code : distinct) {
      Tally tally = seen.computeIfAbsent(new Item(operation, status, code), i -> new Tally());
      tally.received.incrementAndGet();
      if (valid) {
        tally.valid.incrementAndGet();
      }
    }
  }

  public Report report() {
    List<Seen> documented = new ArrayList<>();
    for (Item item : items) {
      documented.add(seen(item));
    }
    List<Seen> undocumented = new ArrayList<>();
    seen.keySet().stream()
        .filter(item -> !items.contains(item))
        .filter(item -> !platformFailures.contains(item.operation() + " " + item.status()))
        .sorted(
            java.util.Comparator.comparing(Item::operation)
                .thenComparing(Item::status)
                .thenComparing(i -> i.code() == null ? -1 : i.code()))
        .forEach(item -> undocumented.add(seen(item)));
    return new Report(documented, undocumented);
  }

  private Seen seen(Item item) {
    Tally tally = seen.get(item);
    return tally == null
        ? new Seen(item, 0, 0)
        : new Seen(item, tally.received.get(), tally.valid.get());
  }

  /** A success is one item; an error status is one item per code its examples carry. */
  private static List<Item> itemsOf(String operation, int status, ApiResponse response) {
    if (status < 400) {
      return List.of(new Item(operation, status, null));
    }
    Set<Long> codes = new LinkedHashSet<>();
    if (response.getContent() != null) {
      for (MediaType media : response.getContent().values()) {
        if (media.getExamples() != null) {
          media
              .getExamples()
              .values()
              .forEach(example -> codes.addAll(codes(JSON.valueToTree(example.getValue()))));
        }
      }
    }
    if (codes.isEmpty()) {
      return List.of(new Item(operation, status, null));
    }
    return codes.stream().map(code -> new Item(operation, status, code)).toList();
  }

  /** The codes in an envelope's {@code errors} array. */
  public static List<Long> codes(JsonNode envelope) {
    List<Long> codes = new ArrayList<>();
    JsonNode errors = envelope == null ? null : envelope.get("errors");
    if (errors != null && errors.isArray()) {
      errors.forEach(
          error -> {
            if (error.path("code").isIntegralNumber()) {
              codes.add(error.path("code").asLong());
            }
          });
    }
    return codes;
  }

  private static String key(String method, String path) {
    return method.toUpperCase(Locale.ROOT) + " " + path;
  }

  private static OpenAPI parse(String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    OpenAPI api = new OpenAPIV3Parser().readContents(yaml, null, options).getOpenAPI();
    if (api == null) {
      throw new IllegalArgumentException("the contract does not parse");
    }
    return api;
  }
}
