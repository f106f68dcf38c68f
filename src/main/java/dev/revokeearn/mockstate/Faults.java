package dev.revokeearn.mockstate;

import dev.revokeearn.api.Operation;
import dev.revokeearn.faults.DeclaredFault;
import dev.revokeearn.faults.Fault;
import dev.revokeearn.faults.FaultDeclarations;
import dev.revokeearn.faults.FaultSpec;
import dev.revokeearn.state.State;
import java.util.List;
import java.util.Optional;

/** Declared faults: declared, listed, removed, and decided for each request an org serves. */
public final class Faults {
  private final Seeding seeding;

  Faults(Seeding seeding) {
    this.seeding = seeding;
  }

  /**
   * Declares a fault, after the org's others.
   *
   * @return its id
   * @throws dev.revokeearn.faults.FaultSpecException when it answers an error the contract does not
   *     declare for the operation
   * @throws dev.revokeearn.state.StateConflict when its org does not exist
   */
  public long declare(FaultSpec spec) {
    FaultDeclarations.requireDeclaredStatus(spec, "fault");
    return seeding.store().addFault(spec);
  }

  /** Every declared fault, in declaration order, with how often it matched and fired. */
  public List<DeclaredFault> all() {
    return seeding.store().faults();
  }

  /** Removes a fault; false when there was none. */
  public boolean remove(long id) {
    return seeding.store().removeFault(id);
  }

  /**
   * The fault that fires for a request the org would serve, if any: the first of the org's faults,
   * in declaration order, that matches the request and whose trigger says yes. Every matching fault
   * up to that one counts the request.
   */
  public Optional<Fault> fired(
      State state,
      long orgId,
      Operation operation,
      String customerId,
      String earnedBadgeId,
      String badgeMetaId) {
    for (DeclaredFault fault : state.faults(orgId)) {
      FaultSpec spec = fault.spec();
      if (spec.operation() == operation
          && spec.match().matches(customerId, earnedBadgeId, badgeMetaId)
          && seeding.store().fire(fault.id())) {
        return Optional.of(spec.fault());
      }
    }
    return Optional.empty();
  }
}
