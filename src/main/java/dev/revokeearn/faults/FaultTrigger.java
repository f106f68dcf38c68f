package dev.revokeearn.faults;

import java.util.SplittableRandom;

/**
 * When a fault fires among the requests it matches: the first {@code times} of them, each with
 * {@code probability}, or (neither given) every one. A probability's outcomes follow from its seed
 * and the request's place among the matching ones, so a run replays exactly after a reset, and
 * replicas sharing the count draw the same sequence.
 */
public record FaultTrigger(Integer times, Double probability, long seed) {
  public static FaultTrigger always() {
    return new FaultTrigger(null, null, 0);
  }

  public static FaultTrigger times(int times) {
    return new FaultTrigger(times, null, 0);
  }

  public static FaultTrigger probability(double probability, long seed) {
    return new FaultTrigger(null, probability, seed);
  }

  /**
   * Whether the fault fires for a matching request.
   *
   * @param index the request's place among those the fault matched, from 0
   * @param fired how many times the fault has fired before it
   */
  public boolean fires(long index, long fired) {
    if (probability != null) {
      // One generator per draw, from the seed and the place: no state to share but the count.
      return new SplittableRandom(seed + index * 0x9E3779B97F4A7C15L).nextDouble() < probability;
    }
    return times == null || fired < times;
  }
}
