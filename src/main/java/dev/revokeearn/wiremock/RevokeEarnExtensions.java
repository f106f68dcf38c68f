package dev.revokeearn.wiremock;

import com.github.tomakehurst.wiremock.core.Version;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import dev.revokeearn.gate.ContractGate;
import dev.revokeearn.mockstate.MockState;
import dev.revokeearn.seed.Seed;
import dev.revokeearn.seed.SeedFiles;
import dev.revokeearn.seed.SeedSnapshots;
import dev.revokeearn.service.ApiPipeline;
import dev.revokeearn.state.InMemoryStateStore;
import dev.revokeearn.state.SeedSnapshot;
import dev.revokeearn.state.StateStore;
import dev.revokeearn.wiremock.admin.AdminRoutes;
import dev.revokeearn.wiremock.admin.ResetFilter;
import dev.revokeearn.wiremock.api.ApiTransformer;
import dev.revokeearn.wiremock.api.ReferenceApi;
import dev.revokeearn.wiremock.api.Routes;
import dev.revokeearn.wiremock.api.RoutingMappings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The front door: Capillary's revokeEarn (with earn and the OAuth token) as a WireMock extension.
 * It wires the reference implementation once and hands WireMock its few extensions: the {@code
 * revoke-earn} transformer that the stub mappings of {@code mappings/} name (loaded with it), the
 * admin routes under {@code /__admin/revoke-earn/}, and the seed's return on {@code POST
 * /__admin/reset}.
 *
 * <p>In a WireMock of your own, started with {@code --extensions
 * dev.revokeearn.wiremock.RevokeEarnExtensions}, it serves the demo seed, or the seed file that the
 * system property {@code revoke-earn.seed} (or the variable {@code REVOKE_EARN_SEED}) names. In
 * code:
 *
 * <pre>{@code
 * WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort()
 *     .extensions(RevokeEarnExtensions.builder().seedFile(Path.of("seed.yaml")).build()));
 * }</pre>
 */
public final class RevokeEarnExtensions implements ExtensionFactory {
  /** Bodies above this many bytes get 413: nothing in this API needs more. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  /** How many requests each org's log keeps by default. */
  public static final int DEFAULT_EXCHANGES_PER_ORG = 1000;

  /** The oldest WireMock with every extension point this uses (mappings loaders came in 3.2). */
  static final String OLDEST_WIREMOCK = "3.2.0";

  private final MockState state;
  private final ReferenceApi api;
  private final boolean standalone;

  /**
   * What {@code --extensions} makes: the seed file named by {@code -Drevoke-earn.seed} or {@code
   * REVOKE_EARN_SEED}, else the demo seed; state in memory.
   *
   * @throws dev.revokeearn.seed.SeedException when that seed file does not read or check
   */
  public RevokeEarnExtensions() {
    this(builder().seedFile(seedFromEnvironment()));
  }

  private RevokeEarnExtensions(Builder builder) {
    this.state =
        builder.seedInBackground
            ? MockState.seedingInBackground(
                builder.seed, builder.clock, builder.store.get(), builder.exchangesPerOrg)
            : new MockState(
                builder.seed, builder.clock, builder.store.get(), builder.exchangesPerOrg);
    this.api =
        new ReferenceApi(
            new ApiPipeline(state, () -> ContractGate.shared().join(), builder.maxBodyBytes),
            state.exchanges());
    this.standalone = builder.standalone;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Everything the reference implementation knows: orgs, ledgers, faults, request logs. */
  public MockState state() {
    return state;
  }

  /** The reference implementation, for a host that routes requests to it itself. */
  public ReferenceApi api() {
    return api;
  }

  @Override
  public List<Extension> create(WireMockServices services) {
    requireSupportedWireMock();
    List<Extension> extensions = new ArrayList<>();
    extensions.add(new ApiTransformer(api));
    extensions.add(new AdminRoutes(state, standalone));
    extensions.add(new ResetFilter(state, () -> services.getOptions().getAdminAuthenticator()));
    if (!standalone) {
      extensions.add(new RoutingMappings(Routes.packed()));
    }
    return extensions;
  }

  /**
   * Fails in one line on a WireMock older than {@value #OLDEST_WIREMOCK}, which lacks an extension
   * point this uses (WireMock would otherwise fail with a class name).
   */
  private static void requireSupportedWireMock() {
    try {
      Class.forName(
          "com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension",
          false,
          RevokeEarnExtensions.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(
          "revoke-earn's WireMock extension needs WireMock "
              + OLDEST_WIREMOCK
              + " or newer; this is WireMock "
              + Version.getCurrentVersion());
    }
  }

  private static Path seedFromEnvironment() {
    String seed = System.getProperty("revoke-earn.seed", System.getenv("REVOKE_EARN_SEED"));
    return seed == null || seed.isBlank() ? null : Path.of(seed);
  }

  /** Settings, with the defaults of an extension in a user's WireMock. */
  public static final class Builder {
    private Function<Clock, SeedSnapshot> seed;
    private Clock clock = Clock.systemUTC();
    private Supplier<StateStore> store = InMemoryStateStore::new;
    private int exchangesPerOrg = DEFAULT_EXCHANGES_PER_ORG;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private boolean seedInBackground;
    private boolean standalone;

    private Builder() {}

    public Builder seed(Seed seed) {
      this.seed = c -> SeedSnapshots.of(seed, "seed", c.instant());
      return this;
    }

    /** A seed file, read at start and again on each reset (a large seed is not kept in memory). */
    public Builder seedFile(Path seedFile) {
      if (seedFile != null) {
        this.seed =
            c -> SeedSnapshots.of(SeedFiles.read(seedFile), seedFile.toString(), c.instant());
      }
      return this;
    }

    /** A seed in the seed file format (YAML or JSON). */
    public Builder seedText(String seedText) {
      return seed(
          SeedFiles.parse(
              new java.io.ByteArrayInputStream(
                  seedText.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
              "seed"));
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Where the state lives (made once, when built): in memory unless told otherwise. */
    public Builder store(Supplier<StateStore> store) {
      this.store = store;
      return this;
    }

    /** Requests kept by each org's log; 0 keeps none. */
    public Builder exchangesPerOrg(int exchangesPerOrg) {
      this.exchangesPerOrg = exchangesPerOrg;
      return this;
    }

    public Builder maxBodyBytes(int maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /**
     * For the standalone mock, which hosts this itself: the seed is read while the server is built;
     * the API is routed by the same table without stubs (so no admin call can take it away); and
     * every unknown admin path gets this API's 404.
     */
    public Builder standalone() {
      this.seedInBackground = true;
      this.standalone = true;
      return this;
    }

    /**
     * @throws dev.revokeearn.seed.SeedException when the seed does not read or check (unless it is
     *     read in the background: then the first use of the state throws it)
     */
    public RevokeEarnExtensions build() {
      if (seed == null) {
        seed = c -> SeedSnapshots.of(SeedFiles.defaultSeed(), SeedFiles.DEFAULT_SEED, c.instant());
      }
      return new RevokeEarnExtensions(this);
    }
  }
}
