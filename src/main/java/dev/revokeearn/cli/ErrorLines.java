package dev.revokeearn.cli;

import java.io.PrintWriter;

/**
 * Error messages as the CLI prints them: one line, readable, and free of Java's words (exception
 * class names, {@code java.nio.file.Path}), whatever library produced them.
 */
final class ErrorLines {
  /** The exit code of bad usage: a bad option, an unusable file, a target that cannot be used. */
  static final int USAGE = 2;

  private ErrorLines() {}

  /** Says what is wrong, in one line, and gives the exit code of bad usage. */
  static int usage(PrintWriter err, String problem) {
    err.println("error: " + of(problem));
    err.flush();
    return USAGE;
  }

  /** A file that could not be read or written, said as a person would. */
  static String of(java.io.IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return e.getMessage() + ": permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return e.getMessage() + ": no such file or directory";
    }
    return of(e.getMessage());
  }

  static String of(String message) {
    if (message == null || message.isBlank()) {
      return "no reason given";
    }
    String text =
        message
            .replace("to interface java.nio.file.Path", "to a path")
            .replace("to java.nio.file.Path", "to a path")
            .replaceAll(
                "to (int|java\\.lang\\.Integer|long|java\\.lang\\.Long)\\b", "to a whole number")
            .replaceAll("to (double|java\\.lang\\.Double)\\b", "to a number")
            // "(java.nio.file.InvalidPathException: Nul character not allowed)" -> "(Nul ...)"
            .replaceAll("(?:[a-z][a-z0-9_]*\\.)+[A-Za-z0-9_$]*(?:Exception|Error)(?:: )?", "")
            .replace("()", "");
    StringBuilder line = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (c == '\n') {
                line.append("\\n");
              } else if (c == '\r') {
                line.append("\\r");
              } else if (Character.isISOControl(c)) {
                line.append(String.format("\\u%04x", c));
              } else {
                line.appendCodePoint(c);
              }
            });
    return line.toString().strip();
  }
}
