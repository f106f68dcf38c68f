package dev.revokeearn.faults;

/** A fault declaration that cannot be taken: the message names the field and says why. */
public final class FaultSpecException extends RuntimeException {
  private final String reference;

  public FaultSpecException(String reference, String message) {
    super(reference == null ? message : reference + ": " + message);
    this.reference = reference;
  }

  /** The field at fault (dotted path), or null. */
  public String reference() {
    return reference;
  }
}
