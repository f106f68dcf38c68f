package dev.revokeearn.mock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Exactly-once revoke and earn over HTTP hold on the durable (SQLite) store too. */
class DurableConcurrencyTest extends ConcurrencyTest {
  @Override
  RevokeEarnMock.Builder settings() {
    try {
      return super.settings().stateDir(Files.createTempDirectory("revoke-earn-state"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
