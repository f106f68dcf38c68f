package dev.revokeearn.state;

/**
 * The store cannot be reached (a database that is down, or gone): no fault of the request, and
 * worth a retry once the store is back.
 */
public class StateUnavailable extends RuntimeException {
  public StateUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
