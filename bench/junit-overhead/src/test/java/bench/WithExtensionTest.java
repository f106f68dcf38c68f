package bench;

import dev.revokeearn.junit.RevokeEarnMockExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

class WithExtensionTest {
  @RegisterExtension static final RevokeEarnMockExtension capillary = new RevokeEarnMockExtension();

  @BeforeAll
  static void warm() {}

  @RepeatedTest(2000)
  void aTestWithItsOwnOrg() {
    capillary.basicAuthorization();
  }
}
