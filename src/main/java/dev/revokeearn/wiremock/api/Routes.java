package dev.revokeearn.wiremock.api;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappingCollection;
import dev.revokeearn.api.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one routing definition: the stub mappings of the repository's {@code mappings/} (packed into
 * the jar as {@value #RESOURCE}), which send each of the contract's operations to the reference
 * implementation by the {@value #TRANSFORMER} transformer. A user's WireMock takes them as stubs;
 * the standalone mock routes by the same table without making them stubs (so that no admin call can
 * take the API away).
 */
public final class Routes {
  public static final String RESOURCE = "revoke-earn/mappings/revoke-earn.json";

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
            RESOURCE
                + ": mapping "
                + mapping.getId()
                + " must match any method at urlPath "
                + operation.path());
      }
      byPath.put(path, operation);
    }
  }

  /** The mappings packed in the jar, read once. */
  public static Routes packed() {
    Routes routes = packed;
    if (routes == null) {
      try (InputStream in = Routes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is not on the classpath");
        }
        String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        routes = new Routes(Json.read(json, StubMappingCollection.class).getMappings());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      packed = routes;
    }
    return routes;
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
