package dev.revokeearn.mock.journal;

import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.store.DefaultStores;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;

/** WireMock's default stores, with the request journal bounded by {@link BoundedJournalStore}. */
public final class JournalStores extends DefaultStores {
  private final RequestJournalStore journal;

  public JournalStores(FileSource root, int maxEntries) {
    super(root);
    this.journal = new BoundedJournalStore(maxEntries);
  }

  @Override
  public RequestJournalStore getRequestJournalStore() {
    return journal;
  }
}
