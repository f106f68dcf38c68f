package dev.revokeearn.conformance;

import dev.revokeearn.faults.Fault;
import java.time.Duration;

/**
 * What only the embedded mock lets the suite arrange; scenarios tagged {@code @mock-only} need it
 * and are skipped against a deployment.
 */
public interface MockControls {
  /** Moves the mock's clock, e.g. past a token's lifetime. */
  void advanceClock(Duration by);

  /** A till whose credentials are valid but lack access to badges. */
  Login tillWithoutAccess();

  /** A badge that is not live (earn answers 815). */
  String notLiveBadgeMetaId();

  /** A badge that must be issued before it is earned (earn answers 811). */
  String issueFirstBadgeMetaId();

  /**
   * Declares a fault in the org the suite's till belongs to, for the next revoke of one earn
   * instance only, so it never reaches another scenario.
   */
  void failNextRevoke(String earnedBadgeId, Fault fault);
}
