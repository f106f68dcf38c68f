package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.store.InMemoryRequestJournalStore;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WireMock's request journal, bounded in O(1) per request. WireMock's own bound ({@code
 * maxRequestJournalEntries}) counts the whole journal after every request, which cost a third of
 * the mock's CPU under load; this store keeps a count instead and drops the oldest entry as it adds
 * a new one, so WireMock itself is left unbounded.
 */
final class BoundedJournalStore extends InMemoryRequestJournalStore {
  private final int maxEntries;
  private final AtomicInteger size = new AtomicInteger();

  BoundedJournalStore(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  @Override
  public void add(ServeEvent event) {
    super.add(event);
    if (size.incrementAndGet() > maxEntries) {
      removeLast();
    }
  }

  @Override
  public void removeLast() {
    super.removeLast();
    size.decrementAndGet();
  }

  @Override
  public void remove(UUID key) {
    if (get(key).isPresent()) {
      super.remove(key);
      size.decrementAndGet();
    }
  }

  @Override
  public void clear() {
    super.clear();
    size.set(0);
  }
}
