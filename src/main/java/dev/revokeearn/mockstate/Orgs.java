package dev.revokeearn.mockstate;

import dev.revokeearn.auth.AccessGroup;
import dev.revokeearn.auth.Md5;
import dev.revokeearn.ledger.EarnLedger;
import dev.revokeearn.ledger.ObjectIds;
import dev.revokeearn.state.ClientCredential;
import dev.revokeearn.state.OrgSnapshot;
import dev.revokeearn.state.SeedSnapshot;
import dev.revokeearn.state.State;
import dev.revokeearn.state.TillCredential;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The orgs: each one's ledger, and new orgs with credentials of their own for a test suite. */
public final class Orgs {
  private final Seeding seeding;
  private final Clock clock;
  private final ObjectIds ids;
  private final ExchangeLog exchanges;

  Orgs(Seeding seeding, Clock clock, ExchangeLog exchanges) {
    this.seeding = seeding;
    this.clock = clock;
    this.ids = new ObjectIds(clock);
    this.exchanges = exchanges;
  }

  /** The org's ledger in the given state; empty when there is no such org. */
  public Optional<EarnLedger> ledger(State state, long orgId) {
    return state.ledger(orgId).map(store -> new EarnLedger(store, clock, ids));
  }

  /** The org's ledger as it is now. */
  public Optional<EarnLedger> ledger(long orgId) {
    return ledger(seeding.store().current(), orgId);
  }

  /**
   * A new, empty org with its own till and OAuth client (random secrets, access to badges), for a
   * test suite that must not see anyone else's state. Gone after a reset.
   */
  public CreatedOrg create() {
    long orgId = seeding.store().createOrg();
    SecureRandom random = new SecureRandom();
    CreatedOrg created =
        new CreatedOrg(
            orgId,
            "org-" + orgId + ".till",
            HexFormat.of().formatHex(random.generateSeed(12)),
            "org-" + orgId + "-key",
            HexFormat.of().formatHex(random.generateSeed(12)));
    Set<String> badges = Set.of(AccessGroup.BADGES);
    seeding
        .store()
        .add(
            new SeedSnapshot(
                List.of(
                    new OrgSnapshot(
                        orgId,
                        List.of(
                            TillCredential.of(
                                orgId, created.username(), Md5.hex(created.password()), badges)),
                        List.of(
                            new ClientCredential(
                                orgId,
                                created.key(),
                                ClientCredential.sha256(created.secret()),
                                300,
                                badges)),
                        List.of(),
                        List.of(),
                        List.of()))));
    return created;
  }

  /** A new org with no state and no credentials yet, under an id no other org has. */
  public long createEmpty() {
    return seeding.store().createOrg();
  }

  /**
   * Removes an org, its state, its credentials, its faults and its log; false if there was none.
   */
  public boolean remove(long orgId) {
    boolean removed = seeding.store().drop(orgId);
    exchanges.forget(orgId);
    return removed;
  }
}
