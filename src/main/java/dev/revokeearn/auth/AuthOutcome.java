package dev.revokeearn.auth;

import java.time.Instant;
import java.util.Optional;

/** The verdict on a request's credentials, and the org they name (if they name a known one). */
public sealed interface AuthOutcome {
  /** The org whose credential the request named, whether or not it was accepted. */
  Optional<Long> org();

  /** Valid credentials with access: the request acts inside this org. */
  record Granted(long orgId) implements AuthOutcome {
    @Override
    public Optional<Long> org() {
      return Optional.of(orgId);
    }
  }

  /**
   * No credentials, or wrong ones.
   *
   * @param claimedOrg the org of the till or client the request named, when that name is known
   */
  record Denied(Long claimedOrg) implements AuthOutcome {
    public Denied() {
      this(null);
    }

    @Override
    public Optional<Long> org() {
      return Optional.ofNullable(claimedOrg);
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
