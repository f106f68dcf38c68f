package dev.revokeearn.auth;

import java.time.Instant;

/** The verdict on a request's credentials. */
public sealed interface AuthOutcome {
  /** Valid credentials with access: the request acts inside this org. */
  record Granted(long orgId) implements AuthOutcome {}

  /** No credentials, or wrong ones. */
  record Denied() implements AuthOutcome {}

  /** A genuine OAuth token past its expiry. */
  record Expired(Instant expiredAt) implements AuthOutcome {}

  /** Valid credentials whose access groups lack the resource. */
  record Forbidden() implements AuthOutcome {}
}
