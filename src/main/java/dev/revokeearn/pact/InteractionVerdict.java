package dev.revokeearn.pact;

import java.util.List;

/**
 * What verify-pact found for one interaction of a pact.
 *
 * @param contract why the contract does not agree with the interaction; empty when it does
 * @param behaviour how the reference implementation's answer differed from the expectation, by
 *     Pact's own matching rules; empty when it matched
 */
public record InteractionVerdict(
    String pactFile,
    String consumer,
    String description,
    String expected,
    String actual,
    List<String> contract,
    List<String> behaviour) {
  public InteractionVerdict {
    contract = List.copyOf(contract);
    behaviour = List.copyOf(behaviour);
  }

  public boolean passed() {
    return contract.isEmpty() && behaviour.isEmpty();
  }
}
