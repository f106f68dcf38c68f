package dev.revokeearn.state;

import dev.revokeearn.faults.DeclaredFault;
import dev.revokeearn.ledger.LedgerStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one request reads: credentials and each org's ledger, as a store holds them now. Taken once
 * per request ({@link StateStore#current()}), so a reset happening meanwhile is seen whole or not
 * at all.
 */
public interface State {
  Optional<TillCredential> till(String username);

  Optional<ClientCredential> client(String key);

  /** The org's ledger; empty when there is no such org. */
  Optional<LedgerStore> ledger(long orgId);

  Set<Long> orgIds();

  /** The key OAuth tokens are signed with: the same for every replica sharing the store. */
  byte[] tokenKey();

  /** The org's faults, in declaration order (empty for most requests, and cheap then). */
  List<DeclaredFault> faults(long orgId);
}
