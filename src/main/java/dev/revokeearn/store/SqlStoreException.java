package dev.revokeearn.store;

/** A database failure under the store: the store cannot do what it was asked. */
public final class SqlStoreException extends dev.revokeearn.state.StateUnavailable {
  public SqlStoreException(Exception cause) {
    super(cause.getMessage(), cause);
  }
}
