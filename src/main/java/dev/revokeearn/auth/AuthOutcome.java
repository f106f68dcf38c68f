package dev.revokeearn.auth;

import java.time.Instant;
import java.util.Optional;

/** The verdict on a request's credentials, and the org they name (if they name a known one). */
public sealed interface AuthOutcome {
  /** The org whose credentials the request proved (genuine, if expired or without access). */
  Optional<Long> org();

  /** Valid credentials with access: the request acts inside this org. */
  record Granted(long orgId) implements AuthOutcome {
    @Override
    public Optional<Long> org() {
      return Optional.of(orgId);
    }
  }

  /**
   * No credentials, or wrong ones. They prove nothing, so no org: naming a till of an org with a
   * wrong password must not put anything into that org's view.
   */
  record Denied() implements AuthOutcome {
    @Override
    public Optional<Long> org() {
      return Optional.empty();
    }
  }

  /** A genuine OAuth token past its expiry. */
  record Expired(long orgId, Instant expiredAt) implements AuthOutcome {
    @Override
    public Optional<Long> org() {
      return Optional.of(orgId);
    }
  }

  /** Valid credentials whose access groups lack the resource. */
  record Forbidden(long orgId) implements AuthOutcome {
    @Override
    public Optional<Long> org() {
      return Optional.of(orgId);
    }
  }
}
