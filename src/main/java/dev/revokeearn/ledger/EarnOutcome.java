package dev.revokeearn.ledger;

import dev.revokeearn.ledger.entity.EarnInstance;

/** What an earn did: a new active instance, or a refusal. */
public sealed interface EarnOutcome {
  record Earned(EarnInstance instance) implements EarnOutcome {}

  record Refused(EarnRefusal reason) implements EarnOutcome {}
}
