package dev.revokeearn.wiremock.api;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.revokeearn.api.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one routing definition: the stub mappings of the repository's {@code mappings/} (packed into
 * the jar under {@value #RESOURCES}), one file for each of the contract's operations, which sends
 * it to the reference implementation by the {@value #TRANSFORMER} transformer. A user's WireMock
 * takes them as stubs; the standalone mock routes by the same table without making them stubs (so
 * that no admin call can take the API away). One mapping a file, not one file of three: WireMock
 * holds stubs from multi-mapping files read-only, and then refuses {@code DELETE /__admin/mappings}
 * for all of a root's stubs.
 */
public final class Routes {
  public static final String RESOURCES = "revoke-earn/mappings/";

  /** The transformer the mappings name, and the parameter that names the operation. */
  public static final String TRANSFORMER = "revoke-earn";

  public static final String OPERATION = "operation";

  private static volatile Routes packed;

  private final List<StubMapping> mappings;
  private final Map<String, Operation> byPath = new HashMap<>();

  /**
   * @throws IllegalStateException when a mapping is not one the mock can route by (a method other
   *     than ANY, no urlPath, or an operation the contract does not have at that path)
   */
  Routes(List<StubMapping> mappings) {
    this.mappings = List.copyOf(mappings);
    for (StubMapping mapping : mappings) {
      Operation operation = operation(mapping);
      String path = mapping.getRequest().getUrlPath();
      if (!RequestMethod.ANY.equals(mapping.getRequest().getMethod())
          || !operation.path().equals(path)) {
        throw new IllegalStateException(
            "mapping " + mapping.getId() + " must match any method at urlPath " + operation.path());
      }
      byPath.put(path, operation);
    }
  }

  /** The mappings packed in the jar, read once. */
  public static Routes packed() {
    Routes routes = packed;
    if (routes == null) {
      routes = new Routes(Arrays.stream(Operation.values()).map(Routes::read).toList());
      packed = routes;
    }
    return routes;
  }

  /** The file of an operation's mapping: {@code mappings/revoke-earn-<operationId>.json}. */
  public static String file(Operation operation) {
    return "revoke-earn-" + operation.operationId() + ".json";
  }

  private static StubMapping read(Operation operation) {
    String resource = RESOURCES + file(operation);
    try (InputStream in = Routes.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      StubMapping mapping =
          StubMapping.buildFrom(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (operation(mapping) != operation) {
        throw new IllegalStateException(resource + " must route " + operation.operationId());
      }
      return mapping;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fresh copies of the mappings, for a WireMock to take as its stubs. */
  public List<StubMapping> mappings() {
    return mappings.stream().map(mapping -> StubMapping.buildFrom(Json.write(mapping))).toList();
  }

  /** The operation a request to this path is, whatever its method; empty for any other path. */
  public Optional<Operation> at(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /** The operation a mapping's transformer parameters name. */
  static Operation operation(StubMapping mapping) {
    Parameters parameters = mapping.getResponse().getTransformerParameters();
    String name = parameters == null ? null : parameters.getString(OPERATION, null);
    return Operation.named(name)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "mapping "
                        + mapping.getId()
                        + " names no operation of the contract in transformerParameters."
                        + OPERATION
                        + " (revokeEarn, earnBadge, generateOAuthToken), but "
                        + name));
  }
}
