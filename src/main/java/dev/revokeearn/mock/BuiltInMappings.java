package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMappingCollection;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Loads the routing stubs of {@code mappings/} (packed into the jar) at start and after every
 * {@code /__admin/reset}, whatever root directory WireMock was given for users' own stubs.
 */
final class BuiltInMappings implements MappingsLoaderExtension {
  static final String RESOURCE = "revoke-earn/mappings/revoke-earn-api.json";

  @Override
  public String getName() {
    return "revoke-earn-mappings";
  }

  @Override
  public void loadMappingsInto(StubMappings stubMappings) {
    Json.read(read(), StubMappingCollection.class)
        .getMappingOrMappings()
        .forEach(stubMappings::addMapping);
  }

  private static String read() {
    try (InputStream in = BuiltInMappings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "The routing stubs " + RESOURCE + " are not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
