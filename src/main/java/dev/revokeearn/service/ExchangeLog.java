package dev.revokeearn.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * What each org received, kept per org so that tests running side by side on one mock each see only
 * their own requests (WireMock's journal is global, and bounded for everyone). Each org keeps its
 * latest {@code perOrg} exchanges; 0 keeps none.
 */
public final class ExchangeLog {
  private final int perOrg;
  private final Map<Long, Deque<Exchange>> logs = new ConcurrentHashMap<>();

  public ExchangeLog(int perOrg) {
    this.perOrg = perOrg;
  }

  public void record(long orgId, Exchange exchange) {
    if (perOrg == 0) {
      return;
    }
    Deque<Exchange> log = logs.computeIfAbsent(orgId, id -> new ArrayDeque<>());
    synchronized (log) {
      log.addLast(exchange);
      if (log.size() > perOrg) {
        log.removeFirst();
      }
      log.notifyAll();
    }
  }

  /** The org's exchanges, oldest first. */
  public List<Exchange> of(long orgId) {
    Deque<Exchange> log = logs.get(orgId);
    if (log == null) {
      return List.of();
    }
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  /**
   * Waits until the org's exchanges satisfy {@code done}, or the timeout passes.
   *
   * @return the exchanges as they were when the wait ended, satisfied or not
   */
  public List<Exchange> await(long orgId, Predicate<List<Exchange>> done, Duration timeout)
      throws InterruptedException {
    Deque<Exchange> log = logs.computeIfAbsent(orgId, id -> new ArrayDeque<>());
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (log) {
      List<Exchange> now = new ArrayList<>(log);
      while (!done.test(now)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        log.wait(Math.max(1, left / 1_000_000));
        now = new ArrayList<>(log);
      }
      return List.copyOf(now);
    }
  }

  public void forget(long orgId) {
    logs.remove(orgId);
  }

  public void clear() {
    logs.clear();
  }
}
