package dev.revokeearn.mockstate;

/** A provider state that is unknown, or a param of one that is missing or wrong: a 400. */
public final class ProviderStateException extends IllegalArgumentException {
  private final String reference;

  /**
   * @param reference what is wrong: {@code state}, or {@code params.<name>}
   */
  public ProviderStateException(String message, String reference) {
    super(message);
    this.reference = reference;
  }

  public String reference() {
    return reference;
  }
}
