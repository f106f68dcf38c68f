package dev.revokeearn.mock.http;

/**
 * An OutOfMemoryError is not survived: a JVM that had one may have lost a server thread (an
 * acceptor, a selector) and would serve half, or hang at stop. The process ends at once with exit
 * code 3, so that whatever runs it (CI, an orchestrator) sees it and can start it again.
 */
public final class OutOfMemory {
  public static final int EXIT_CODE = 3;

  private OutOfMemory() {}

  /** Ends the process, saying why on standard error (it may not have memory left to log). */
  public static void exit(OutOfMemoryError error) {
    try {
      System.err.println("error: the mock ran out of memory (" + error.getMessage() + "); exiting");
    } finally {
      Runtime.getRuntime().halt(EXIT_CODE);
    }
  }

  /** Threads that die of an OutOfMemoryError end the process too. */
  public static void exitOnUncaught() {
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, failure) -> {
          if (failure instanceof OutOfMemoryError error) {
            exit(error);
          }
          if (previous != null) {
            previous.uncaughtException(thread, failure);
          } else {
            failure.printStackTrace();
          }
        });
  }
}
