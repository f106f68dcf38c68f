package dev.revokeearn.wiremock.api;

import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;

/**
 * Puts the routing mappings ({@link Routes}) among a WireMock's stubs at start and at every reset
 * of its mappings, as its own {@code mappings/} files would be: a user's stub of a higher priority
 * still wins, and {@code DELETE /__admin/mappings} removes them until the next reset.
 */
public final class RoutingMappings implements MappingsLoaderExtension {
  private final Routes routes;

  public RoutingMappings(Routes routes) {
    this.routes = routes;
  }

  @Override
  public String getName() {
    return "revoke-earn-routes";
  }

  @Override
  public void loadMappingsInto(StubMappings stubMappings) {
    routes.mappings().forEach(stubMappings::addMapping);
  }
}
