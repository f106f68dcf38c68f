package dev.revokeearn.faults;

/** How long a {@link Fault.Delay} holds the answer back, in milliseconds. */
public sealed interface Distribution {
  record Fixed(long millis) implements Distribution {}

  /** Any length from {@code min} to {@code max}, each as likely. */
  record Uniform(long min, long max) implements Distribution {}

  /** Mostly near {@code median}, with a long tail ({@code sigma} 0.1: tight, 1: wide). */
  record LogNormal(double median, double sigma) implements Distribution {}
}
