package dev.revokeearn.ledger;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * New 24-hex ids laid out like MongoDB ObjectIds (what Capillary's ids are): 4 bytes of epoch
 * seconds, 5 random bytes per process, a 3-byte counter. Unique within a process without a lookup.
 */
public final class ObjectIds implements Supplier<String> {
  private final Clock clock;
  private final byte[] processPart = new byte[5];
  private final AtomicInteger counter;

  public ObjectIds(Clock clock) {
    this.clock = clock;
    SecureRandom random = new SecureRandom();
    random.nextBytes(processPart);
    counter = new AtomicInteger(random.nextInt());
  }

  /** Ids are hex: the same id in upper or lower case names the same thing. */
  public static String normalize(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  @Override
  public String get() {
    long seconds = clock.instant().getEpochSecond();
    int count = counter.getAndIncrement();
    byte[] id = new byte[12];
    id[0] = (byte) (seconds >>> 24);
    id[1] = (byte) (seconds >>> 16);
    id[2] = (byte) (seconds >>> 8);
    id[3] = (byte) seconds;
    System.arraycopy(processPart, 0, id, 4, 5);
    id[9] = (byte) (count >>> 16);
    id[10] = (byte) (count >>> 8);
    id[11] = (byte) count;
    return HexFormat.of().formatHex(id);
  }
}
