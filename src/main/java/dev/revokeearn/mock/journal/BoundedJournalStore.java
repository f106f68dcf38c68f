package dev.revokeearn.mock.journal;

import com.github.tomakehurst.wiremock.store.RequestJournalStore;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * WireMock's request journal, bounded by count and by bytes, in O(1) per request. WireMock's own
 * bound ({@code maxRequestJournalEntries}) counts the whole journal after every request, which cost
 * a third of the mock's CPU under load; this store keeps a count and a size instead and drops the
 * oldest entries as it adds a new one. It also holds entries built only when read ({@link
 * #addDeferred}), for the requests the direct route answers.
 */
public final class BoundedJournalStore implements RequestJournalStore {
  /** The most the journal's bodies take together: a thousand bodies of 16 KiB. */
  public static final long MAX_BYTES = 16L * 1024 * 1024;

  private final int maxEntries;
  private final Deque<UUID> newestFirst = new ConcurrentLinkedDeque<>();
  private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
  private long count;
  private long bytes;

  /** A serve event, or what builds it on the first read, and the bytes it holds. */
  private static final class Entry {
    private final long size;
    private Supplier<ServeEvent> deferred;
    private ServeEvent event;

    Entry(ServeEvent event) {
      this.event = event;
      this.size = size(event);
    }

    Entry(Supplier<ServeEvent> deferred, long size) {
      this.deferred = deferred;
      this.size = size;
    }

    synchronized ServeEvent event() {
      if (event == null) {
        event = deferred.get();
        deferred = null;
      }
      return event;
    }

    private static long size(ServeEvent event) {
      byte[] request = event.getRequest() == null ? null : event.getRequest().getBody();
      byte[] response = event.getResponse() == null ? null : event.getResponse().getBody();
      return 512L
          + (request == null ? 0 : request.length)
          + (response == null ? 0 : response.length);
    }
  }

  public BoundedJournalStore(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  @Override
  public void add(ServeEvent event) {
    add(event.getId(), new Entry(event));
  }

  /**
   * An entry WireMock's journal shows as it would have made it, built only if it is read.
   *
   * @param size about the bytes it holds (its bodies)
   */
  public void addDeferred(UUID id, Supplier<ServeEvent> event, long size) {
    add(id, new Entry(event, size));
  }

  private void add(UUID id, Entry entry) {
    entries.put(id, entry);
    newestFirst.addFirst(id);
    synchronized (this) {
      count++;
      bytes += entry.size;
      while (count > maxEntries || (bytes > MAX_BYTES && count > 1)) {
        if (!dropOldest()) {
          break;
        }
      }
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
  public synchronized void removeLast() {
    dropOldest();
  }

  private boolean dropOldest() {
    UUID id = newestFirst.pollLast();
    if (id == null) {
      return false;
    }
    forget(entries.remove(id));
    return true;
  }

  @Override
  public synchronized void remove(UUID id) {
    Entry entry = entries.remove(id);
    if (entry != null) {
      newestFirst.remove(id);
      forget(entry);
    }
  }

  private void forget(Entry entry) {
    if (entry != null) {
      count--;
      bytes -= entry.size;
    }
  }

  @Override
  public synchronized void clear() {
    newestFirst.clear();
    entries.clear();
    count = 0;
    bytes = 0;
  }
}
