package dev.revokeearn.seed;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.revokeearn.auth.AccessGroup;
import dev.revokeearn.auth.OAuthClient;
import dev.revokeearn.auth.Till;
import dev.revokeearn.ledger.BadgeMeta;
import dev.revokeearn.ledger.Customer;
import dev.revokeearn.ledger.EarnInstance;
import dev.revokeearn.ledger.EarnType;
import dev.revokeearn.ledger.OwnerClaim;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The seed file format (JSON or YAML): orgs, each with its credentials, customers, badges and earn
 * instances. Omitted lists are empty; omitted flags take the defaults documented in README.md.
 */
public record Seed(@JsonProperty(required = true) List<Org> orgs) {
  public Seed {
    orgs = orgs == null ? List.of() : List.copyOf(orgs);
  }

  public record Org(
      @JsonProperty(required = true) Long orgId,
      String name,
      List<TillEntry> tills,
      List<OAuthClientEntry> oauthClients,
      List<CustomerEntry> customers,
      List<BadgeEntry> badges,
      List<EarnEntry> earnInstances) {
    public Org {
      tills = orEmpty(tills);
      oauthClients = orEmpty(oauthClients);
      customers = orEmpty(customers);
      badges = orEmpty(badges);
      earnInstances = orEmpty(earnInstances);
    }
  }

  public record TillEntry(
      @JsonProperty(required = true) String username,
      @JsonProperty(required = true) String password,
      List<String> accessGroups) {
    public Till toTill() {
      return new Till(username, password, groups(accessGroups));
    }
  }

  public record OAuthClientEntry(
      @JsonProperty(required = true) String key,
      @JsonProperty(required = true) String secret,
      Integer ttlSeconds,
      List<String> accessGroups) {
    public OAuthClient toClient() {
      return new OAuthClient(
          key, secret, ttlSeconds == null ? 300 : ttlSeconds, groups(accessGroups));
    }
  }

  public record CustomerEntry(
      @JsonProperty(required = true) Long id,
      String email,
      String mobile,
      String externalId,
      List<String> cardNumbers) {
    public Customer toCustomer() {
      return new Customer(id, email, mobile, externalId, cardNumbers);
    }
  }

  public record ClaimEntry(
      @JsonProperty(required = true) String ownerType,
      @JsonProperty(required = true) String referenceId) {}

  public record BadgeEntry(
      @JsonProperty(required = true) String badgeMetaId,
      EarnType earnType,
      Boolean live,
      List<ClaimEntry> claims,
      Integer validityDays) {
    public BadgeMeta toBadge() {
      Set<OwnerClaim> owners =
          orEmpty(claims).stream()
              .map(c -> new OwnerClaim(c.ownerType(), c.referenceId()))
              .collect(Collectors.toSet());
      return new BadgeMeta(
          badgeMetaId,
          earnType == null ? EarnType.EARN : earnType,
          live == null || live,
          owners,
          validityDays == null ? null : Duration.ofDays(validityDays));
    }
  }

  public record EarnEntry(
      @JsonProperty(required = true) String earnedBadgeId,
      @JsonProperty(required = true) String badgeMetaId,
      @JsonProperty(required = true) Long customerId,
      Boolean active,
      Instant earnedAt) {
    public EarnInstance toInstance(BadgeMeta badge, Instant now) {
      Instant at = earnedAt == null ? now : earnedAt;
      return new EarnInstance(
          earnedBadgeId,
          badge.id(),
          customerId,
          null,
          at,
          badge.validity() == null ? null : at.plus(badge.validity()),
          active == null || active);
    }
  }

  /** Access groups default to badges, so a seeded credential works unless told otherwise. */
  private static Set<String> groups(List<String> accessGroups) {
    return accessGroups == null ? Set.of(AccessGroup.BADGES) : new HashSet<>(accessGroups);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
