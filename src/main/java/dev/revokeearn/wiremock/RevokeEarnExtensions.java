package dev.revokeearn.wiremock;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import dev.revokeearn.gate.ContractGate;
import dev.revokeearn.mockstate.MockState;
import dev.revokeearn.seed.Seed;
import dev.revokeearn.seed.SeedException;
import dev.revokeearn.seed.SeedFiles;
import dev.revokeearn.seed.SeedSnapshots;
import dev.revokeearn.service.ApiPipeline;
import dev.revokeearn.state.InMemoryStateStore;
import dev.revokeearn.state.SeedSnapshot;
import dev.revokeearn.state.StateStore;
import dev.revokeearn.wiremock.admin.AdminRoutes;
import dev.revokeearn.wiremock.api.ApiTransformer;
import dev.revokeearn.wiremock.api.ReferenceApi;
import dev.revokeearn.wiremock.api.Routes;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door: Capillary's revokeEarn (with earn and the OAuth token) as one WireMock extension.
 * It wires the reference implementation once and is its few extension points: the {@value
 * Routes#TRANSFORMER} transformer that the stub mappings of {@code mappings/} name, the loader that
 * puts those mappings among WireMock's stubs (at start and at every reset of them), and the admin
 * routes under {@code /__admin/revoke-earn/}. One object, so that WireMock's {@code --extensions}
 * (which takes extensions, not factories) can name it.
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
 *
 * A reset of WireMock's stubs ({@code POST /__admin/reset}, {@code POST /__admin/mappings/reset})
 * puts the seed back too. It needs WireMock {@value #OLDEST_WIREMOCK} or newer, the first with
 * mappings loaders.
 */
public final class RevokeEarnExtensions
    implements ResponseDefinitionTransformerV2, AdminApiExtension, MappingsLoaderExtension {
  /** Bodies above this many bytes get 413: nothing in this API needs more. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  /** How many requests each org's log keeps by default. */
  public static final int DEFAULT_EXCHANGES_PER_ORG = 1000;

  /** The oldest WireMock with every extension point this uses (mappings loaders came in 3.2). */
  static final String OLDEST_WIREMOCK = "3.2.0";

  private static final Logger LOG = LoggerFactory.getLogger(RevokeEarnExtensions.class);

  private final MockState state;
  private final ReferenceApi api;
  private final ApiTransformer transformer;
  private final AdminRoutes admin;
  private final boolean standalone;
  private final AtomicBoolean routesLoaded = new AtomicBoolean();

  /**
   * What {@code --extensions} makes: the seed file named by {@code -Drevoke-earn.seed} or {@code
   * REVOKE_EARN_SEED}, else the demo seed; state in memory.
   *
   * @throws dev.revokeearn.seed.SeedException when that seed file does not read or check
   */
  public RevokeEarnExtensions() {
    this(checkedSeed(builder().seedFile(seedFromEnvironment())));
  }

  /**
   * The builder, its seed read: one that does not read or check is said in one line first, as
   * WireMock then prints its own stack trace.
   */
  private static Builder checkedSeed(Builder builder) {
    if (builder.seed == null) {
      return builder;
    }
    try {
      builder.seed.apply(builder.clock);
      return builder;
    } catch (SeedException e) {
      System.err.println("error: revoke-earn: " + e.getMessage());
      throw e;
    }
  }

  private RevokeEarnExtensions(Builder builder) {
    Function<Clock, SeedSnapshot> seed =
        builder.seed != null
            ? builder.seed
            : c -> SeedSnapshots.of(SeedFiles.defaultSeed(), SeedFiles.DEFAULT_SEED, c.instant());
    this.state =
        builder.seedInBackground
            ? MockState.seedingInBackground(
                seed, builder.clock, builder.store.get(), builder.exchangesPerOrg)
            : new MockState(seed, builder.clock, builder.store.get(), builder.exchangesPerOrg);
    this.api =
        new ReferenceApi(
            new ApiPipeline(state, () -> ContractGate.shared().join(), builder.maxBodyBytes),
            state.exchanges());
    this.transformer = new ApiTransformer(api);
    this.standalone = builder.standalone;
    this.admin = new AdminRoutes(state, standalone);
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
  public String getName() {
    return Routes.TRANSFORMER;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    return transformer.transform(serveEvent);
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    admin.contributeAdminApiRoutes(router);
  }

  /**
   * The routes among WireMock's stubs, unless the root's files hold them already; at every load
   * after the first (a reset of WireMock's stubs), the seed put back too. (The standalone mock
   * routes without stubs, and resets by its own filter, which can answer when the seed no longer
   * reads.)
   */
  @Override
  public void loadMappingsInto(StubMappings stubMappings) {
    if (standalone) {
      return;
    }
    // A root that holds copies of them (same ids) keeps its own.
    Routes.packed().mappings().stream()
        .filter(route -> stubMappings.get(route.getId()).isEmpty())
        .forEach(stubMappings::addMapping);
    if (routesLoaded.getAndSet(true)) {
      try {
        state.reset();
      } catch (RuntimeException e) {
        LOG.warn("The seed was not put back, the state is as it was: {}", e.getMessage());
      }
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
              new ByteArrayInputStream(seedText.getBytes(StandardCharsets.UTF_8)), "seed"));
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
      return new RevokeEarnExtensions(this);
    }
  }
}
