package dev.revokeearn.api;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Capillary's {@code X-CAP-REQUEST-ID}, which every answer carries: 32 lowercase hex. */
public final class RequestIds {
  public static final String HEADER = "X-CAP-REQUEST-ID";

  private RequestIds() {}

  /** A new id (random, not secret: it only names an answer). */
  public static String next() {
    byte[] id = new byte[16];
    ThreadLocalRandom.current().nextBytes(id);
    return HexFormat.of().formatHex(id);
  }
}
