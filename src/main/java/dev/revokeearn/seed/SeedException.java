package dev.revokeearn.seed;

/** A seed file that cannot be read or breaks the seed format; the message names the place. */
public final class SeedException extends RuntimeException {
  public SeedException(String message) {
    super(message);
  }

  public SeedException(String message, Throwable cause) {
    super(message, cause);
  }
}
