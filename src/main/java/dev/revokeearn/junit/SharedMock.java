package dev.revokeearn.junit;

import dev.revokeearn.mock.RevokeEarnMock;
import dev.revokeearn.seed.Seed;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one mock of a test run: started at first use, kept in JUnit's root store, and stopped when
 * the run ends. It holds no org of its own; each test brings its own.
 */
@SuppressWarnings("deprecation") // CloseableResource: what JUnit 5 before 5.13 closes
final class SharedMock implements ExtensionContext.Store.CloseableResource, AutoCloseable {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedMock.class);

  private final RevokeEarnMock mock;
  private boolean closed;

  private SharedMock() {
    mock = RevokeEarnMock.builder().port(0).seed(new Seed(List.of())).build().start();
  }

  static RevokeEarnMock of(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(SharedMock.class, key -> new SharedMock(), SharedMock.class)
        .mock;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      mock.close();
    }
  }
}
