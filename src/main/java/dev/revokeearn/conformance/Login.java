package dev.revokeearn.conformance;

/** A credential pair: a till's username and plain password, or an OAuth client's key and secret. */
public record Login(String user, String secret) {
  @Override
  public String toString() {
    return "Login[" + user + "]";
  }
}
