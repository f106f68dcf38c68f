package dev.revokeearn.state;

import dev.revokeearn.faults.DeclaredFault;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The in-memory store's declared faults, found by org and by id: what a request of one org reads
 * does not grow with other orgs' faults, and declaring one more is O(1). Changed in place, like the
 * ledgers; a reset starts a new index.
 */
final class FaultIndex {
  private final Map<Long, Deque<FaultEntry>> byOrg = new ConcurrentHashMap<>();
  private final Map<Long, FaultEntry> byId = new ConcurrentHashMap<>();

  void add(FaultEntry fault) {
    byId.put(fault.id(), fault);
    byOrg.computeIfAbsent(fault.spec().orgId(), org -> new ConcurrentLinkedDeque<>()).add(fault);
  }

  boolean remove(long id) {
    FaultEntry fault = byId.remove(id);
    if (fault == null) {
      return false;
    }
    Deque<FaultEntry> org = byOrg.get(fault.spec().orgId());
    if (org != null) {
      org.remove(fault);
    }
    return true;
  }

  void removeOrg(long orgId) {
    Deque<FaultEntry> org = byOrg.remove(orgId);
    if (org != null) {
      org.forEach(fault -> byId.remove(fault.id()));
    }
  }

  /** The org's faults in declaration order; empty, and cheap, for an org that has none. */
  List<DeclaredFault> of(long orgId) {
    Deque<FaultEntry> org = byOrg.get(orgId);
    return org == null || org.isEmpty()
        ? List.of()
        : org.stream().map(FaultEntry::declared).toList();
  }

  /** Every fault, in declaration order (ids rise with it). */
  List<DeclaredFault> all() {
    return byId.values().stream()
        .sorted(Comparator.comparingLong(FaultEntry::id))
        .map(FaultEntry::declared)
        .toList();
  }

  FaultEntry get(long id) {
    return byId.get(id);
  }
}
