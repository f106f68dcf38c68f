package dev.revokeearn.state;

import dev.revokeearn.faults.FaultSpec;
import dev.revokeearn.ledger.LedgerStore;
import dev.revokeearn.ledger.ObjectIds;
import dev.revokeearn.ledger.entity.CustomerKey;
import dev.revokeearn.ledger.entity.EarnInstance;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a snapshot must respect of the state it joins: a credential belongs to one org only, and an
 * earn instance's badge and customer exist (in the snapshot's org or already in the store). Every
 * store calls these inside its own atomic change, so two changes cannot both pass and then clash.
 */
public final class SeedRules {
  private SeedRules() {}

  /** For {@link StateStore#replace}: the snapshot alone must hold together. */
  public static void checkWhole(SeedSnapshot snapshot) {
    check(snapshot, null);
  }

  /** For {@link StateStore#add}: the snapshot against the state it is added to. */
  public static void checkAgainst(SeedSnapshot snapshot, State state) {
    check(snapshot, state);
  }

  /** A fault belongs to an org the state has. */
  public static void checkFault(FaultSpec fault, State state) {
    if (state.ledger(fault.orgId()).isEmpty()) {
      throw new StateConflict("orgId " + fault.orgId() + " is not an org of this mock");
    }
  }

  private static void check(SeedSnapshot snapshot, State state) {
    for (int f = 0; f < snapshot.faults().size(); f++) {
      long orgId = snapshot.faults().get(f).orgId();
      boolean known =
          snapshot.orgs().stream().anyMatch(org -> org.orgId() == orgId)
              || (state != null && state.ledger(orgId).isPresent());
      if (!known) {
        throw new StateConflict("faults[" + f + "].orgId " + orgId + " is not an org of this mock");
      }
    }
    for (int o = 0; o < snapshot.orgs().size(); o++) {
      OrgSnapshot org = snapshot.orgs().get(o);
      String at = "orgs[" + o + "]";
      if (state != null) {
        for (int i = 0; i < org.tills().size(); i++) {
          String username = org.tills().get(i).username();
          Optional<Long> owner = state.till(username).map(TillCredential::orgId);
          requireOwner(owner, org, at + ".tills[" + i + "].username " + username);
        }
        for (int i = 0; i < org.clients().size(); i++) {
          String key = org.clients().get(i).key();
          Optional<Long> owner = state.client(key).map(ClientCredential::orgId);
          requireOwner(owner, org, at + ".oauthClients[" + i + "].key " + key);
        }
      }
      Optional<LedgerStore> existing = state == null ? Optional.empty() : state.ledger(org.orgId());
      Set<String> badges = new HashSet<>();
      org.badges().forEach(b -> badges.add(ObjectIds.normalize(b.id())));
      Set<Long> customers = new HashSet<>();
      org.customers().forEach(c -> customers.add(c.id()));
      Map<String, String> usedRequestIds = null; // read once, and only when needed
      for (int i = 0; i < org.earnInstances().size(); i++) {
        EarnInstance earn = org.earnInstances().get(i);
        String here = at + ".earnInstances[" + i + "]";
        boolean badgeKnown =
            badges.contains(ObjectIds.normalize(earn.badgeMetaId()))
                || existing.flatMap(s -> s.badge(earn.badgeMetaId())).isPresent();
        if (!badgeKnown) {
          throw new StateConflict(
              here
                  + ".badgeMetaId "
                  + earn.badgeMetaId()
                  + " is not a badge of org "
                  + org.orgId());
        }
        boolean customerKnown =
            customers.contains(earn.customerId())
                || existing.flatMap(s -> s.customer(CustomerKey.id(earn.customerId()))).isPresent();
        if (!customerKnown) {
          throw new StateConflict(
              here
                  + ".customerId "
                  + earn.customerId()
                  + " is not a customer of org "
                  + org.orgId());
        }
        if (earn.requestId() != null) {
          if (usedRequestIds == null) {
            usedRequestIds = requestIds(existing);
          }
          String other = usedRequestIds.get(requestKey(earn));
          if (other != null && !ObjectIds.normalize(earn.earnedBadgeId()).equals(other)) {
            throw new StateConflict(
                here
                    + ".requestId "
                    + earn.requestId()
                    + " was already used for badge "
                    + earn.badgeMetaId()
                    + " by earn instance "
                    + other);
          }
        }
      }
    }
  }

  private static String requestKey(EarnInstance earn) {
    return ObjectIds.normalize(earn.badgeMetaId()) + "/" + earn.requestId();
  }

  /** The requestIds the org's existing earn instances were earned with, to their ids. */
  private static Map<String, String> requestIds(Optional<LedgerStore> existing) {
    Map<String, String> ids = new HashMap<>();
    existing.ifPresent(
        ledger ->
            ledger.earns().stream()
                .filter(e -> e.requestId() != null)
                .forEach(e -> ids.put(requestKey(e), ObjectIds.normalize(e.earnedBadgeId()))));
    return ids;
  }

  private static void requireOwner(Optional<Long> owner, OrgSnapshot org, String what) {
    if (owner.isPresent() && owner.get() != org.orgId()) {
      throw new StateConflict(what + " already belongs to org " + owner.get());
    }
  }
}
