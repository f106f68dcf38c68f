package dev.revokeearn.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revokeearn.contract.api.BadgesApi;
import dev.revokeearn.contract.model.CustomerIdentifierType;
import dev.revokeearn.contract.model.EarnBadgeRequest;
import dev.revokeearn.contract.model.EarnBadgeResponse;
import dev.revokeearn.contract.model.EarnedBadge;
import dev.revokeearn.contract.model.RevokeEarnRequest;
import dev.revokeearn.contract.model.RevokeEarnResponse;
import dev.revokeearn.contract.model.RevokedEarn;
import dev.revokeearn.ledger.EarnCommand;
import dev.revokeearn.ledger.EarnLedger;
import dev.revokeearn.ledger.EarnOutcome;
import dev.revokeearn.ledger.entity.EarnInstance;
import dev.revokeearn.ledger.entity.OwnerClaim;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The Badges API over one org's ledger: implements the interface generated from the contract, and
 * answers errors by throwing {@link ApiProblem}.
 */
public final class BadgesService implements BadgesApi {
  private final EarnLedger ledger;

  public BadgesService(EarnLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public RevokeEarnResponse revokeEarn(
      RevokeEarnRequest request, CustomerIdentifierType identifier) {
    EarnInstance revoked =
        ledger
            .revoke(
                CustomerKeys.of(request.getCustomerId(), identifier),
                request.getBadgeMetaId(),
                request.getEarnedBadgeId())
            .orElseThrow(CapillaryErrors::activeEarnNotPresent);
    RevokedEarn data =
        new RevokedEarn(
            revoked.badgeMetaId(), revoked.customerId(), revoked.earnedBadgeId(), revoked.active());
    return new RevokeEarnResponse(data, List.of(), List.of());
  }

  @Override
  public EarnBadgeResponse earnBadge(EarnBadgeRequest request, CustomerIdentifierType identifier) {
    var triggeredBy = request.getTriggeredBy();
    EarnCommand command =
        new EarnCommand(
            request.getBadgeMetaId(),
            CustomerKeys.of(request.getCustomerId(), identifier),
            text(request.getRequestId()),
            request.getEarnEventDate() == null ? null : request.getEarnEventDate().toInstant(),
            triggeredBy == null
                ? null
                : new OwnerClaim(
                    triggeredBy.getOwnerType() == null
                        ? null
                        : triggeredBy.getOwnerType().toString(),
                    triggeredBy.getReferenceId()));
    EarnOutcome outcome = ledger.earn(command);
    if (outcome instanceof EarnOutcome.Refused refused) {
      throw CapillaryErrors.earnRefused(refused.reason());
    }
    EarnInstance earned = ((EarnOutcome.Earned) outcome).instance();
    EarnedBadge data =
        new EarnedBadge(
            earned.badgeMetaId(),
            earned.customerId(),
            earned.earnedBadgeId(),
            earned.expiresOn() == null ? null : earned.expiresOn().getEpochSecond(),
            earned.expiresOn() == null ? null : earned.expiresOn().atOffset(ZoneOffset.UTC),
            earned.requestId(),
            null);
    return new EarnBadgeResponse(data, List.of(), List.of());
  }

  /** requestId comes as a string or a number; both name the same request. */
  private static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isTextual() ? node.textValue() : node.asText();
  }
}
