package dev.revokeearn.seed;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.revokeearn.ledger.entity.EarnType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The seed file format (JSON or YAML), as parsed: orgs, each with its credentials, customers,
 * badges, earn instances and faults (as the admin API declares them, without {@code orgId}).
 * Omitted lists are empty; anything else may be missing or null here: {@link SeedSnapshots} checks
 * it all and says where a value is wrong.
 */
public record Seed(@JsonProperty(required = true) List<Org> orgs) {
  public Seed {
    orgs = orEmpty(orgs);
  }

  public record Org(
      @JsonProperty(required = true) Long orgId,
      String name,
      List<TillEntry> tills,
      List<OAuthClientEntry> oauthClients,
      List<CustomerEntry> customers,
      List<BadgeEntry> badges,
      List<EarnEntry> earnInstances,
      List<JsonNode> faults) {
    public Org {
      tills = orEmpty(tills);
      faults = orEmpty(faults);
      oauthClients = orEmpty(oauthClients);
      customers = orEmpty(customers);
      badges = orEmpty(badges);
      earnInstances = orEmpty(earnInstances);
    }
  }

  public record TillEntry(
      @JsonProperty(required = true) String username,
      @JsonProperty(required = true) String password,
      List<String> accessGroups) {}

  public record OAuthClientEntry(
      @JsonProperty(required = true) String key,
      @JsonProperty(required = true) String secret,
      Integer ttlSeconds,
      List<String> accessGroups) {}

  public record CustomerEntry(
      @JsonProperty(required = true) Long id,
      String email,
      String mobile,
      String externalId,
      List<String> cardNumbers) {
    public CustomerEntry {
      cardNumbers = orEmpty(cardNumbers);
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
    public BadgeEntry {
      claims = orEmpty(claims);
    }
  }

  public record EarnEntry(
      @JsonProperty(required = true) String earnedBadgeId,
      @JsonProperty(required = true) String badgeMetaId,
      @JsonProperty(required = true) Long customerId,
      String requestId,
      Boolean active,
      Instant earnedAt) {}

  /**
   * An unmodifiable copy that keeps null entries ({@code - } with nothing after it): they are
   * reported, not thrown on.
   */
  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
