package dev.revokeearn.conformance;

import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentest4j.TestAbortedException;

/** Skips what a live run cannot arrange, and says at the end how many and why. */
public final class Hooks {
  private static final Map<String, AtomicInteger> SKIPPED = new ConcurrentHashMap<>();

  /** Marks the scenario skipped (not failed), counting the reason for the closing summary. */
  static TestAbortedException skip(String reason) {
    SKIPPED.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet();
    return new TestAbortedException(reason);
  }

  @Before("@mock-only")
  public void onlyAgainstTheMock(Scenario scenario) {
    if (Target.current().isLive()) {
      throw skip(
          "mock-only: needs state only the mock can arrange (its clock, a till without access)");
    }
  }

  @AfterAll
  public static void summary() {
    if (!SKIPPED.isEmpty()) {
      System.out.println("Conformance against " + Target.current().baseUrl() + ":");
      SKIPPED.forEach(
          (reason, count) -> System.out.println("  skipped " + count + " scenario(s): " + reason));
    }
    SKIPPED.clear();
  }
}
