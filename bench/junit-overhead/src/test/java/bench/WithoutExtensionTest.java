package bench;

import org.junit.jupiter.api.RepeatedTest;

class WithoutExtensionTest {
  @RepeatedTest(2000)
  void aTestWithNothing() {}
}
