package dev.revokeearn.faults;

import dev.revokeearn.api.Operation;

/**
 * What a fault does to a request it fires for. {@link Error} answers instead of the API; {@link
 * Delay} and {@link AppliedThenReset} let the API answer first; the transport faults end the
 * connection before anything is applied.
 */
public sealed interface Fault {
  /** The name the admin API, the seed file and the listing use. */
  String type();

  /** An HTTP error the contract declares for the operation, in Capillary's envelope. */
  record Error(int status, long code, String message, Integer retryAfterSeconds) implements Fault {
    /**
     * The error with Capillary's code and message for the operation (503 is 4001 "authorization
     * service unavailable", 409 on revokeEarn is 814, ...); a 429 says to come back in a second.
     */
    public static Error of(Operation operation, int status) {
      return new Error(
          status,
          FaultDefaults.code(operation, status),
          FaultDefaults.message(operation, status),
          status == 429 ? Integer.valueOf(1) : null);
    }

    @Override
    public String type() {
      return "error";
    }
  }

  /** The real answer, late. */
  record Delay(Distribution distribution) implements Fault {
    @Override
    public String type() {
      return "delay";
    }
  }

  /** The connection is reset before anything is applied. */
  record Reset() implements Fault {
    @Override
    public String type() {
      return "reset";
    }
  }

  /** The connection closes without an answer, before anything is applied. */
  record EmptyResponse() implements Fault {
    @Override
    public String type() {
      return "empty-response";
    }
  }

  /** Bytes that are no HTTP answer, before anything is applied. */
  record MalformedResponse() implements Fault {
    @Override
    public String type() {
      return "malformed-response";
    }
  }

  /**
   * The operation is applied (the revoke commits, the earn is created), then the connection is
   * reset: the client never learns it worked, and its retry meets 814 or 809.
   */
  record AppliedThenReset() implements Fault {
    @Override
    public String type() {
      return "applied-then-reset";
    }
  }
}
