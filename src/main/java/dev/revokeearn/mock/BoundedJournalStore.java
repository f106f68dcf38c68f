package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.store.RequestJournalStore;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * WireMock's request journal, bounded in O(1) per request. WireMock's own bound ({@code
 * maxRequestJournalEntries}) counts the whole journal after every request, which cost a third of
 * the mock's CPU under load; this store keeps a count instead and drops the oldest entry as it adds
 * a new one, so WireMock itself is left unbounded. It also holds entries built only when read
 * ({@link #addDeferred}), for the requests {@link DirectRoute} answers.
 */
final class BoundedJournalStore implements RequestJournalStore {
  private final int maxEntries;
  private final Deque<UUID> newestFirst = new ConcurrentLinkedDeque<>();
  private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicInteger size = new AtomicInteger();

  /** A serve event, or what builds it on the first read. */
  private static final class Entry {
    private Supplier<ServeEvent> deferred;
    private ServeEvent event;

    Entry(ServeEvent event) {
      this.event = event;
    }

    Entry(Supplier<ServeEvent> deferred) {
      this.deferred = deferred;
    }

    synchronized ServeEvent event() {
      if (event == null) {
        event = deferred.get();
        deferred = null;
      }
      return event;
    }
  }

  BoundedJournalStore(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  @Override
  public void add(ServeEvent event) {
    add(event.getId(), new Entry(event));
  }

  void addDeferred(UUID id, Supplier<ServeEvent> event) {
    add(id, new Entry(event));
  }

  private void add(UUID id, Entry entry) {
    entries.put(id, entry);
    newestFirst.addFirst(id);
    if (size.incrementAndGet() > maxEntries) {
      removeLast();
    }
  }

  @Override
  public Stream<ServeEvent> getAll() {
    return newestFirst.stream().map(entries::get).filter(Objects::nonNull).map(Entry::event);
  }

  @Override
  public Stream<UUID> getAllKeys() {
    return newestFirst.stream().filter(entries::containsKey);
  }

  @Override
  public Optional<ServeEvent> get(UUID id) {
    return Optional.ofNullable(entries.get(id)).map(Entry::event);
  }

  /** WireMock's update of an event once its answer is sent; O(1), where its own store scans. */
  @Override
  public void put(UUID id, ServeEvent event) {
    entries.computeIfPresent(id, (key, entry) -> new Entry(event));
  }

  @Override
  public void removeLast() {
    UUID id = newestFirst.pollLast();
    if (id != null && entries.remove(id) != null) {
      size.decrementAndGet();
    }
  }

  @Override
  public void remove(UUID id) {
    if (entries.remove(id) != null) {
      newestFirst.remove(id);
      size.decrementAndGet();
    }
  }

  @Override
  public void clear() {
    newestFirst.clear();
    entries.clear();
    size.set(0);
  }
}
