package dev.revokeearn.mockstate;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * What each org received, kept per org so that tests running side by side on one mock each see only
 * their own requests (WireMock's journal is global, and bounded for everyone). Each org keeps its
 * latest {@code perOrg} exchanges, and at most {@value #BYTES_PER_ORG} bytes of them; 0 keeps none.
 * Only requests that proved an org's credentials get here, so nobody else can fill an org's log.
 */
public final class ExchangeLog {
  /** The most one org's log holds, bodies and headers together: a thousand ordinary requests. */
  public static final long BYTES_PER_ORG = 4L * 1024 * 1024;

  /** One org's exchanges and their size. */
  private static final class Log {
    final Deque<Kept> exchanges = new ArrayDeque<>();
    long bytes;

    List<Exchange> exchanges() {
      return exchanges.stream().map(Kept::exchange).toList();
    }
  }

  /** An exchange with its size, reckoned once. */
  private record Kept(Exchange exchange, long size) {}

  private final int perOrg;
  private final Map<Long, Log> logs = new ConcurrentHashMap<>();

  public ExchangeLog(int perOrg) {
    this.perOrg = perOrg;
  }

  public void record(long orgId, Exchange exchange) {
    if (perOrg == 0) {
      return;
    }
    Kept kept = new Kept(exchange, exchange.size());
    Log log = logs.computeIfAbsent(orgId, id -> new Log());
    synchronized (log) {
      log.exchanges.addLast(kept);
      log.bytes += kept.size();
      while (log.exchanges.size() > perOrg
          || (log.bytes > BYTES_PER_ORG && log.exchanges.size() > 1)) {
        log.bytes -= log.exchanges.removeFirst().size();
      }
      log.notifyAll();
    }
  }

  /** The org's exchanges, oldest first. */
  public List<Exchange> of(long orgId) {
    Log log = logs.get(orgId);
    if (log == null) {
      return List.of();
    }
    synchronized (log) {
      return log.exchanges();
    }
  }

  /**
   * Waits until the org's exchanges satisfy {@code done}, or the timeout passes.
   *
   * @return the exchanges as they were when the wait ended, satisfied or not
   */
  public List<Exchange> await(long orgId, Predicate<List<Exchange>> done, Duration timeout)
      throws InterruptedException {
    Log log = logs.computeIfAbsent(orgId, id -> new Log());
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (log) {
      List<Exchange> now = log.exchanges();
      while (!done.test(now)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        log.wait(Math.max(1, left / 1_000_000));
        now = log.exchanges();
      }
      return now;
    }
  }

  public void forget(long orgId) {
    logs.remove(orgId);
  }

  public void clear() {
    logs.clear();
  }
}
