package dev.revokeearn.contractcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.gate.Contract;
import org.junit.jupiter.api.Test;

class ContractExamplesTest {
  private final String contract = Contract.text();

  @Test
  void everyExampleValidatesAgainstItsOwnSchema() {
    assertThat(ContractExamples.count(contract)).isGreaterThanOrEqualTo(10);
    assertThat(ContractExamples.violations(contract)).isEmpty();
  }

  @Test
  void aResponseExampleThatBreaksItsSchemaIsReported() {
    String broken = contract.replaceFirst("isActive: false", "isActive: 'no'");
    assertThat(broken).isNotEqualTo(contract);

    assertThat(ContractExamples.violations(broken))
        .singleElement()
        .asString()
        .startsWith("revokeEarn response 200 docByCustomerId")
        .contains("isActive");
  }

  @Test
  void aRequestExampleThatBreaksItsSchemaIsReported() {
    String broken =
        contract.replaceFirst(
            "earnedBadgeId: 654cbea06bccde1274b6d3a2", "earnedBadgeId: not-an-object-id");

    assertThat(ContractExamples.violations(broken))
        .anySatisfy(v -> assertThat(v).startsWith("revokeEarn request docByCustomerId"));
  }
}
