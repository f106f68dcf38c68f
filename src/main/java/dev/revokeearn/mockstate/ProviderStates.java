package dev.revokeearn.mockstate;

import dev.revokeearn.api.Operation;
import dev.revokeearn.faults.Fault;
import dev.revokeearn.faults.FaultDeclarations;
import dev.revokeearn.faults.FaultMatch;
import dev.revokeearn.faults.FaultSpec;
import dev.revokeearn.faults.FaultSpecException;
import dev.revokeearn.faults.FaultTrigger;
import dev.revokeearn.ledger.EarnLedger;
import dev.revokeearn.ledger.entity.CustomerKey;
import dev.revokeearn.seed.DemoSeed;
import dev.revokeearn.seed.Seed;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Pact's provider states: the vocabulary a consumer's pact names, and what each makes true in one
 * org (param {@code orgId}, else the seed's first org). A setup answers the values the verifier may
 * inject into the interaction's request ({@code fromProviderState}); a teardown puts the org back
 * as the seed has it, so whatever the setup and the interaction changed is gone (the fault of a
 * "Capillary fails" state too, which fails every such request until then).
 */
public final class ProviderStates {
  /** The states, by name, with the params each takes (required ones first). */
  public static final Map<String, List<String>> VOCABULARY = vocabulary();

  private static final Pattern HEX24 = Pattern.compile("[0-9a-f]{24}");

  private final MockState state;

  /** The faults "Capillary fails" declared, by org: what a teardown undoes in an unseeded org. */
  private final Map<Long, List<Long>> faultsSetUp = new ConcurrentHashMap<>();

  ProviderStates(MockState state) {
    this.state = state;
  }

  /**
   * Makes the state true.
   *
   * @return the params as used (defaults filled), and any value made here ({@code token})
   * @throws ProviderStateException naming an unknown state, or a param that is missing or wrong
   */
  public Map<String, Object> setUp(String name, Map<String, Object> params) {
    Params p = new Params(name, withDefaults(name, params));
    long orgId = p.orgId(state);
    Map<String, Object> used = new LinkedHashMap<>(p.values);
    used.put("orgId", orgId);
    switch (name) {
      case "an active earn instance" -> earnInstance(p, orgId, true);
      case "a revoked earn instance" -> earnInstance(p, orgId, false);
      case "a customer" -> apply(orgId, org -> org.customers(List.of(customer(p))));
      case "a live badge" -> apply(orgId, org -> org.badges(List.of(badge(p))));
      case "Capillary fails" -> {
        long faultId = state.faults().declare(fault(p, orgId));
        faultsSetUp.computeIfAbsent(orgId, id -> new CopyOnWriteArrayList<>()).add(faultId);
        used.put("faultId", faultId);
      }
      case "a valid token", "an expired token" ->
          used.put("token", token(p, orgId, name.equals("an expired token")));
      case "a till without access" ->
          apply(
              orgId,
              org ->
                  org.tills(
                      List.of(
                          new Seed.TillEntry(
                              p.string("username"), p.string("password"), List.of()))));
      default -> throw unknown(name);
    }
    return used;
  }

  /**
   * Puts the org back as the seed has it (an org the seed does not have keeps its state).
   *
   * @throws ProviderStateException naming an unknown state
   */
  public void tearDown(String name, Map<String, Object> params) {
    if (!VOCABULARY.containsKey(name)) {
      throw unknown(name);
    }
    long orgId = new Params(name, withDefaults(name, params)).orgId(state);
    if (state.seeding().seedOrgIds().contains(orgId)) {
      faultsSetUp.remove(orgId);
      state.seeding().resetOrg(orgId);
    } else {
      // An org the seed does not have (made over the admin API) has no seed to go back to: its
      // failures are undone; what else the setups added stays.
      List<Long> declared = faultsSetUp.remove(orgId);
      if (declared != null) {
        declared.forEach(state.faults()::remove);
      }
    }
  }

  /**
   * A Pact V2 state carries no params: the earn instance, customer and failure default to the
   * public documentation's example (the demo seed's).
   */
  private static Map<String, Object> withDefaults(String name, Map<String, Object> params) {
    Map<String, Object> filled = new LinkedHashMap<>();
    switch (name) {
      case "an active earn instance", "a revoked earn instance" -> {
        filled.put("badgeMetaId", DemoSeed.DOC_BADGE_META_ID);
        filled.put("customerId", DemoSeed.CUSTOMER_ID);
        filled.put("earnedBadgeId", DemoSeed.DOC_EARNED_BADGE_ID);
      }
      case "a customer" -> filled.put("customerId", DemoSeed.CUSTOMER_ID);
      case "Capillary fails" -> {
        filled.put("operation", "revokeEarn");
        filled.put("status", 503);
      }
      default -> {}
    }
    if (params != null) {
      filled.putAll(params);
    }
    return filled;
  }

  private void earnInstance(Params p, long orgId, boolean active) {
    String badgeMetaId = p.hex24("badgeMetaId");
    long customerId = p.positive("customerId");
    String earnedBadgeId = p.hex24("earnedBadgeId");
    EarnLedger ledger = state.orgs().ledger(orgId).orElseThrow(() -> noOrg(p, orgId));
    apply(
        orgId,
        org ->
            org.customers(
                    ledger.store().customer(CustomerKey.id(customerId)).isPresent()
                        ? List.of()
                        : List.of(new Seed.CustomerEntry(customerId, null, null, null, null)))
                .badges(
                    ledger.store().badge(badgeMetaId).isPresent()
                        ? List.of()
                        : List.of(new Seed.BadgeEntry(badgeMetaId, null, true, null, null)))
                .earns(
                    List.of(
                        new Seed.EarnEntry(
                            earnedBadgeId, badgeMetaId, customerId, null, active, null))));
  }

  private static Seed.CustomerEntry customer(Params p) {
    String card = p.optional("cardNumber");
    return new Seed.CustomerEntry(
        p.positive("customerId"),
        p.optional("email"),
        p.optional("mobile"),
        p.optional("externalId"),
        card == null ? List.of() : List.of(card));
  }

  private static Seed.BadgeEntry badge(Params p) {
    String ownerType = p.optional("ownerType");
    String referenceId = p.optional("referenceId");
    if ((ownerType == null) != (referenceId == null)) {
      throw p.wrong("ownerType", "a claim needs both ownerType and referenceId");
    }
    return new Seed.BadgeEntry(
        p.hex24("badgeMetaId"),
        null,
        true,
        ownerType == null ? List.of() : List.of(new Seed.ClaimEntry(ownerType, referenceId)),
        null);
  }

  private static FaultSpec fault(Params p, long orgId) {
    Operation operation =
        Operation.named(p.string("operation"))
            .orElseThrow(
                () ->
                    p.wrong(
                        "operation",
                        "revokeEarn, earn (earnBadge) or token (generateOAuthToken), not "
                            + p.string("operation")));
    int status = (int) p.positive("status");
    if (status < 400 || status > 599) {
      throw p.wrong("status", "an error status (4xx or 5xx), not " + status);
    }
    Fault.Error defaults = Fault.Error.of(operation, status);
    String code = p.optional("code");
    Fault.Error error =
        code == null
            ? defaults
            : new Fault.Error(
                status,
                Long.parseLong(p.digits("code")),
                defaults.message(),
                defaults.retryAfterSeconds());
    try {
      FaultSpec spec =
          new FaultSpec(
              orgId,
              operation,
              new FaultMatch(null, null, null),
              // Every such request while the state holds, not only the next: a verifier's HTTP
              // client may retry a 503 (Apache HttpClient 5 does), and must meet it again.
              FaultTrigger.always(),
              error);
      FaultDeclarations.requireDeclaredStatus(spec, "params");
      return spec;
    } catch (FaultSpecException e) {
      throw new ProviderStateException(p.name + ": " + e.getMessage(), "params.status");
    }
  }

  private String token(Params p, long orgId, boolean expired) {
    String key = p.values.containsKey("key") ? p.string("key") : "pact-" + orgId + "-key";
    byte[] random = new byte[12];
    new SecureRandom().nextBytes(random);
    String secret = HexFormat.of().formatHex(random);
    apply(orgId, org -> org.clients(List.of(new Seed.OAuthClientEntry(key, secret, 300, null))));
    // An expired token was issued long enough ago that it has run out.
    Duration ago = expired ? Duration.ofSeconds(300 + 60) : Duration.ZERO;
    return state
        .authenticator()
        .issue(state.current(), key, secret, state.clock().instant().minus(ago))
        .orElseThrow()
        .accessToken();
  }

  private void apply(long orgId, UnaryOperator<OrgFragment> fill) {
    state.seeding().apply(new Seed(List.of(fill.apply(new OrgFragment(orgId)).org())));
  }

  private static ProviderStateException unknown(String name) {
    return new ProviderStateException(
        "unknown provider state \""
            + name
            + "\"; the states are: "
            + String.join(", ", VOCABULARY.keySet()),
        "state");
  }

  private static ProviderStateException noOrg(Params p, long orgId) {
    return p.wrong("orgId", "there is no org " + orgId);
  }

  private static Map<String, List<String>> vocabulary() {
    List<String> earn = List.of("badgeMetaId", "customerId", "earnedBadgeId");
    Map<String, List<String>> vocabulary = new LinkedHashMap<>();
    vocabulary.put("an active earn instance", earn);
    vocabulary.put("a revoked earn instance", earn);
    vocabulary.put(
        "a customer", List.of("customerId", "email", "mobile", "externalId", "cardNumber"));
    vocabulary.put("a live badge", List.of("badgeMetaId", "ownerType", "referenceId"));
    vocabulary.put("Capillary fails", List.of("operation", "status", "code"));
    vocabulary.put("a valid token", List.of("key"));
    vocabulary.put("an expired token", List.of("key"));
    vocabulary.put("a till without access", List.of("username", "password"));
    return Collections.unmodifiableMap(vocabulary);
  }

  /** What one state's setup adds to its org, as a seed of one org. */
  private record OrgFragment(
      long orgId,
      List<Seed.TillEntry> tillEntries,
      List<Seed.OAuthClientEntry> clientEntries,
      List<Seed.CustomerEntry> customerEntries,
      List<Seed.BadgeEntry> badgeEntries,
      List<Seed.EarnEntry> earnEntries) {
    OrgFragment(long orgId) {
      this(orgId, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    OrgFragment tills(List<Seed.TillEntry> tills) {
      return new OrgFragment(
          orgId, tills, clientEntries, customerEntries, badgeEntries, earnEntries);
    }

    OrgFragment clients(List<Seed.OAuthClientEntry> clients) {
      return new OrgFragment(
          orgId, tillEntries, clients, customerEntries, badgeEntries, earnEntries);
    }

    OrgFragment customers(List<Seed.CustomerEntry> customers) {
      return new OrgFragment(
          orgId, tillEntries, clientEntries, customers, badgeEntries, earnEntries);
    }

    OrgFragment badges(List<Seed.BadgeEntry> badges) {
      return new OrgFragment(
          orgId, tillEntries, clientEntries, customerEntries, badges, earnEntries);
    }

    OrgFragment earns(List<Seed.EarnEntry> earns) {
      return new OrgFragment(
          orgId, tillEntries, clientEntries, customerEntries, badgeEntries, earns);
    }

    Seed.Org org() {
      return new Seed.Org(
          orgId,
          null,
          tillEntries,
          clientEntries,
          customerEntries,
          badgeEntries,
          earnEntries,
          null);
    }
  }

  /** A state's params, read with errors that name the state and the param. */
  private static final class Params {
    private final String name;
    private final Map<String, Object> values;

    Params(String name, Map<String, Object> values) {
      this.name = name;
      this.values = values == null ? Map.of() : values;
      List<String> known = VOCABULARY.get(name);
      if (known != null) {
        for (String param : this.values.keySet()) {
          if (!param.equals("orgId") && !known.contains(param)) {
            throw wrong(
                param,
                "not a param of this state; it takes "
                    + String.join(", ", known)
                    + (known.isEmpty() ? "" : ", ")
                    + "orgId");
          }
        }
      }
    }

    long orgId(MockState state) {
      if (values.get("orgId") == null) {
        Set<Long> orgs = state.seeding().seedOrgIds();
        return orgs.isEmpty()
            ? state.orgIds().stream().min(Long::compare).orElseThrow(() -> wrong("orgId", "no org"))
            : orgs.iterator().next();
      }
      long orgId = positive("orgId");
      if (!state.orgIds().contains(orgId)) {
        throw wrong("orgId", "there is no org " + orgId);
      }
      return orgId;
    }

    String string(String param) {
      String value = optional(param);
      if (value == null || value.isBlank()) {
        throw wrong(param, "required");
      }
      return value;
    }

    String optional(String param) {
      Object value = values.get(param);
      if (value instanceof java.util.Collection<?> || value instanceof Map<?, ?>) {
        throw wrong(
            param,
            "a single value, got " + (value instanceof Map<?, ?> ? "an object" : "an array"));
      }
      return value == null ? null : String.valueOf(value);
    }

    String hex24(String param) {
      String value = string(param);
      if (!HEX24.matcher(value).matches()) {
        throw wrong(param, "24 lowercase hex digits, got " + value);
      }
      return value;
    }

    String digits(String param) {
      String value = string(param);
      if (value.matches("-[0-9]+")) {
        throw wrong(param, "a positive number, got " + value);
      }
      if (!value.matches("[0-9]+")) {
        throw wrong(param, "a whole number, got " + value);
      }
      if (value.length() > 18) {
        throw wrong(param, "at most 18 digits, got " + value);
      }
      return value;
    }

    long positive(String param) {
      long value = Long.parseLong(digits(param));
      if (value <= 0) {
        throw wrong(param, "a positive number, got " + value);
      }
      return value;
    }

    ProviderStateException wrong(String param, String problem) {
      return new ProviderStateException(
          name + ": params." + param + ": " + problem, "params." + param);
    }
  }
}
