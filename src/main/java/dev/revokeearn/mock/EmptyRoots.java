package dev.revokeearn.mock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The empty WireMock root of a mock started without {@code --root-dir}: a temporary directory named
 * after the process, removed at exit. A process killed with SIGKILL cannot remove its own, so each
 * start removes those of processes that are gone.
 */
final class EmptyRoots {
  private static final String PREFIX = "revoke-earn-root-";

  private EmptyRoots() {}

  static Path create() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    removeAbandoned(tmp);
    try {
      return Files.createTempDirectory(tmp, PREFIX + ProcessHandle.current().pid() + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void removeAbandoned(Path tmp) {
    try (DirectoryStream<Path> roots = Files.newDirectoryStream(tmp, PREFIX + "*")) {
      for (Path root : roots) {
        String rest = root.getFileName().toString().substring(PREFIX.length());
        int dash = rest.indexOf('-');
        if (dash > 0 && rest.substring(0, dash).chars().allMatch(Character::isDigit)) {
          long pid = Long.parseLong(rest.substring(0, dash));
          if (ProcessHandle.of(pid).isEmpty()) {
            remove(root);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // Tidying only: a directory that cannot be listed or removed stays.
    }
  }

  /** Removes a root and what WireMock put in it; what cannot be removed stays. */
  static void remove(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException | RuntimeException e) {
      // Tidying only.
    }
  }
}
