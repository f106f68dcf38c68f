package dev.revokeearn.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The file that tells a CI job the mock serves: it holds the base URL and appears whole (written
 * beside, then moved into place), so a job that sees it can read it.
 */
final class ReadyFile {
  private ReadyFile() {}

  static void write(Path file, String baseUrl) throws IOException {
    whole(file, baseUrl + "\n");
  }

  /** Writes a file that appears whole or not at all (the ready file, the HTTPS certificate). */
  static void whole(Path file, String text) throws IOException {
    Path absolute = file.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      throw new IOException(file + " is a directory: give a file's path");
    }
    Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
    try {
      Files.writeString(partial, text, StandardCharsets.UTF_8);
      Files.move(
          partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
  }

  static void remove(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // The process is stopping; a leftover file is replaced at the next start.
    }
  }
}
