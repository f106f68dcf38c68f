package dev.revokeearn.state;

/** A change a store refused because it does not fit the state there; nothing was changed. */
public final class StateConflict extends RuntimeException {
  public StateConflict(String message) {
    super(message);
  }
}
