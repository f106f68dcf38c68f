package dev.revokeearn.mockstate;

/** A provider state that is unknown, or a param of one that is missing or wrong: a 400. */
public final class ProviderStateException extends IllegalArgumentException {
  public ProviderStateException(String message) {
    super(message);
  }
}
