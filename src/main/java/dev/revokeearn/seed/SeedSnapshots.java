package dev.revokeearn.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revokeearn.admin.model.FaultDeclaration;
import dev.revokeearn.api.ApiCall;
import dev.revokeearn.auth.Md5;
import dev.revokeearn.faults.FaultDeclarations;
import dev.revokeearn.faults.FaultSpec;
import dev.revokeearn.faults.FaultSpecException;
import dev.revokeearn.gate.ContractGate;
import dev.revokeearn.gate.ContractViolation;
import dev.revokeearn.ledger.ObjectIds;
import dev.revokeearn.ledger.entity.BadgeMeta;
import dev.revokeearn.ledger.entity.Customer;
import dev.revokeearn.ledger.entity.CustomerKey;
import dev.revokeearn.ledger.entity.EarnInstance;
import dev.revokeearn.ledger.entity.EarnType;
import dev.revokeearn.ledger.entity.OwnerClaim;
import dev.revokeearn.state.ClientCredential;
import dev.revokeearn.state.OrgSnapshot;
import dev.revokeearn.state.SeedSnapshot;
import dev.revokeearn.state.TillCredential;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a parsed seed whole and turns it into the immutable {@link SeedSnapshot} stores take.
 * Every problem is a {@link SeedException} naming the source and the place ({@code
 * orgs[0].tills[1].password}); nothing is half-built. Whether an earn instance's badge and customer
 * exist is the store's check, since a seed added later may refer to state already there.
 *
 * <pre>{@code
 * SeedSnapshot snapshot = SeedSnapshots.of(SeedFiles.read(file), file.toString(), clock.instant());
 * }</pre>
 */
public final class SeedSnapshots {
  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private SeedSnapshots() {}

  /**
   * @param now when instances without {@code earnedAt} were earned
   */
  public static SeedSnapshot of(Seed seed, String source, Instant now) {
    return new Checker(source, now).snapshot(seed);
  }

  private static final class Checker {
    private final String source;
    private final Instant now;
    private final Set<Long> orgIds = new HashSet<>();
    private final Set<String> usernames = new HashSet<>();
    private final Set<String> keys = new HashSet<>();

    Checker(String source, Instant now) {
      this.source = source;
      this.now = now;
    }

    SeedSnapshot snapshot(Seed seed) {
      List<OrgSnapshot> orgs = new ArrayList<>();
      List<FaultSpec> faults = new ArrayList<>();
      for (int o = 0; o < seed.orgs().size(); o++) {
        OrgSnapshot org = org(seed.orgs().get(o), "orgs[" + o + "]");
        orgs.add(org);
        List<JsonNode> declared = seed.orgs().get(o).faults();
        for (int f = 0; f < declared.size(); f++) {
          faults.add(fault(declared.get(f), org.orgId(), "orgs[" + o + "].faults[" + f + "]"));
        }
      }
      return new SeedSnapshot(orgs, faults);
    }

    /**
     * A fault as the admin API takes it, the org given by where it stands, checked by the admin
     * contract as a declaration posted there would be. A probability without a seed draws from seed
     * 0: a seed's faults replay the same outcomes after every reset.
     */
    private FaultSpec fault(JsonNode declaration, long orgId, String at) {
      if (!(declaration instanceof ObjectNode fields)) {
        throw new SeedException(source + ": " + at + " must be a fault declaration (an object)");
      }
      if (fields.has("orgId")) {
        throw new SeedException(
            source + ": " + at + ".orgId is no key of a seed's fault: it takes its org's");
      }
      ObjectNode body = fields.deepCopy().put("orgId", orgId);
      if (body.hasNonNull("probability") && !body.has("seed")) {
        body.put("seed", 0);
      }
      byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);
      List<ContractViolation> violations =
          ContractGate.admin()
              .check(
                  new ApiCall(
                      "POST",
                      "/__admin/revoke-earn/faults",
                      Map.of("Content-Type", List.of("application/json")),
                      json));
      if (!violations.isEmpty()) {
        ContractViolation first = violations.get(0);
        throw new SeedException(
            source
                + ": "
                + at
                + (first.reference() == null ? "" : "." + first.reference())
                + ": "
                + first.message());
      }
      try {
        return FaultDeclarations.spec(JSON.readValue(json, FaultDeclaration.class), orgId, at);
      } catch (FaultSpecException e) {
        throw new SeedException(source + ": " + e.getMessage());
      } catch (java.io.IOException e) {
        throw new SeedException(source + ": " + at + ": " + e.getMessage());
      }
    }

    private OrgSnapshot org(Seed.Org org, String at) {
      present(org, at);
      long orgId = positive(org.orgId(), at + ".orgId");
      require(orgIds.add(orgId), at + ".orgId " + orgId + " appears twice");
      List<TillCredential> tills = new ArrayList<>();
      for (int i = 0; i < org.tills().size(); i++) {
        tills.add(till(orgId, org.tills().get(i), at + ".tills[" + i + "]"));
      }
      List<ClientCredential> clients = new ArrayList<>();
      for (int i = 0; i < org.oauthClients().size(); i++) {
        clients.add(client(orgId, org.oauthClients().get(i), at + ".oauthClients[" + i + "]"));
      }
      List<Customer> customers = new ArrayList<>();
      Set<Long> customerIds = new HashSet<>();
      Set<CustomerKey> identifiers = new HashSet<>();
      for (int i = 0; i < org.customers().size(); i++) {
        String here = at + ".customers[" + i + "]";
        Customer customer = customer(org.customers().get(i), here);
        require(customerIds.add(customer.id()), here + ".id " + customer.id() + " appears twice");
        for (CustomerKey key : customer.keys()) {
          require(
              identifiers.add(key.normalized()),
              here
                  + " has "
                  + key.type().name().toLowerCase()
                  + " "
                  + key.value()
                  + ", which another customer of the org has too");
        }
        customers.add(customer);
      }
      List<BadgeMeta> badges = new ArrayList<>();
      Set<String> badgeIds = new HashSet<>();
      for (int i = 0; i < org.badges().size(); i++) {
        String here = at + ".badges[" + i + "]";
        BadgeMeta badge = badge(org.badges().get(i), here);
        require(
            badgeIds.add(ObjectIds.normalize(badge.id())),
            here + ".badgeMetaId " + badge.id() + " appears twice");
        badges.add(badge);
      }
      List<EarnInstance> earns = new ArrayList<>();
      Set<String> earnIds = new HashSet<>();
      Set<String> requestIds = new HashSet<>();
      for (int i = 0; i < org.earnInstances().size(); i++) {
        String here = at + ".earnInstances[" + i + "]";
        EarnInstance earn = earn(org.earnInstances().get(i), here, org);
        require(
            earnIds.add(ObjectIds.normalize(earn.earnedBadgeId())),
            here + ".earnedBadgeId " + earn.earnedBadgeId() + " appears twice");
        // A requestId is unique per badge, as earn makes it (809 otherwise).
        require(
            earn.requestId() == null
                || requestIds.add(ObjectIds.normalize(earn.badgeMetaId()) + "/" + earn.requestId()),
            here
                + ".requestId "
                + earn.requestId()
                + " appears twice for badge "
                + earn.badgeMetaId());
        earns.add(earn);
      }
      return new OrgSnapshot(orgId, tills, clients, customers, badges, earns);
    }

    private TillCredential till(long orgId, Seed.TillEntry till, String at) {
      present(till, at);
      String username = text(till.username(), at + ".username");
      require(
          username.indexOf(':') < 0,
          at
              + ".username must not contain ':' (Basic credentials put one between username and"
              + " password)");
      require(usernames.add(username), at + ".username " + username + " appears twice");
      String password = text(till.password(), at + ".password");
      return TillCredential.of(orgId, username, Md5.hex(password), groups(till.accessGroups(), at));
    }

    private ClientCredential client(long orgId, Seed.OAuthClientEntry client, String at) {
      present(client, at);
      String key = text(client.key(), at + ".key");
      require(keys.add(key), at + ".key " + key + " appears twice");
      String secret = text(client.secret(), at + ".secret");
      int ttl = client.ttlSeconds() == null ? 300 : client.ttlSeconds();
      require(ttl > 0, at + ".ttlSeconds must be positive, got " + ttl);
      return new ClientCredential(
          orgId, key, ClientCredential.sha256(secret), ttl, groups(client.accessGroups(), at));
    }

    private Customer customer(Seed.CustomerEntry customer, String at) {
      present(customer, at);
      long id = positive(customer.id(), at + ".id");
      List<String> cards = new ArrayList<>();
      for (int i = 0; i < customer.cardNumbers().size(); i++) {
        cards.add(text(customer.cardNumbers().get(i), at + ".cardNumbers[" + i + "]"));
      }
      return new Customer(
          id,
          optionalText(customer.email(), at + ".email"),
          optionalText(customer.mobile(), at + ".mobile"),
          optionalText(customer.externalId(), at + ".externalId"),
          cards);
    }

    private BadgeMeta badge(Seed.BadgeEntry badge, String at) {
      present(badge, at);
      String id = objectId(badge.badgeMetaId(), at + ".badgeMetaId");
      Set<OwnerClaim> claims = new LinkedHashSet<>();
      for (int i = 0; i < badge.claims().size(); i++) {
        String here = at + ".claims[" + i + "]";
        Seed.ClaimEntry claim = badge.claims().get(i);
        present(claim, here);
        claims.add(
            new OwnerClaim(
                text(claim.ownerType(), here + ".ownerType"),
                text(claim.referenceId(), here + ".referenceId")));
      }
      Duration validity = null;
      if (badge.validityDays() != null) {
        require(
            badge.validityDays() > 0,
            at + ".validityDays must be positive, got " + badge.validityDays());
        validity = Duration.ofDays(badge.validityDays());
      }
      return new BadgeMeta(
          id,
          badge.earnType() == null ? EarnType.EARN : badge.earnType(),
          badge.live() == null || badge.live(),
          claims,
          validity);
    }

    private EarnInstance earn(Seed.EarnEntry earn, String at, Seed.Org org) {
      present(earn, at);
      String id = objectId(earn.earnedBadgeId(), at + ".earnedBadgeId");
      String badgeMetaId = objectId(earn.badgeMetaId(), at + ".badgeMetaId");
      long customerId = positive(earn.customerId(), at + ".customerId");
      Instant earnedAt = earn.earnedAt() == null ? now : earn.earnedAt();
      Duration validity =
          org.badges().stream()
              .filter(b -> b != null && badgeMetaId.equalsIgnoreCase(b.badgeMetaId()))
              .findFirst()
              .map(b -> b.validityDays() == null ? null : Duration.ofDays(b.validityDays()))
              .orElse(null);
      return new EarnInstance(
          id,
          badgeMetaId,
          customerId,
          optionalText(earn.requestId(), at + ".requestId"),
          earnedAt,
          validity == null ? null : earnedAt.plus(validity),
          earn.active() == null || earn.active());
    }

    private Set<String> groups(List<String> accessGroups, String at) {
      if (accessGroups == null) {
        return Set.of(dev.revokeearn.auth.AccessGroup.BADGES);
      }
      Set<String> groups = new HashSet<>();
      for (int i = 0; i < accessGroups.size(); i++) {
        groups.add(text(accessGroups.get(i), at + ".accessGroups[" + i + "]"));
      }
      return groups;
    }

    private void present(Object entry, String at) {
      require(entry != null, at + " is empty");
    }

    private long positive(Long value, String at) {
      require(value != null, at + " is required");
      require(value > 0, at + " must be a positive number, got " + value);
      return value;
    }

    private String text(String value, String at) {
      require(value != null, at + " is required");
      require(!value.isBlank(), at + " must not be empty");
      return value;
    }

    private String optionalText(String value, String at) {
      if (value == null) {
        return null;
      }
      return text(value, at);
    }

    private String objectId(String value, String at) {
      text(value, at);
      require(OBJECT_ID.matcher(value).matches(), at + " must be 24 hex characters, got " + value);
      return ObjectIds.normalize(value); // ids are hex: stored in lower case, as Capillary's are
    }

    private void require(boolean condition, String problem) {
      if (!condition) {
        throw new SeedException(source + ": " + problem);
      }
    }
  }
}
