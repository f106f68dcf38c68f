package dev.revokeearn.wiremock.api;

import dev.revokeearn.api.ApiCall;
import dev.revokeearn.service.Answer;

/**
 * An answer decided before WireMock (the standalone's direct route) that WireMock delivers (a
 * delay, a transport fault), with the request it answers. Handed over on the request's own thread:
 * WireMock decides its answer on the thread the filter chain calls it on, before the chain returns
 * (only sending may be deferred).
 */
public final class HandedOver {
  /** What was decided, and the request it answers. */
  public record Decided(ApiCall call, Answer answer) {}

  private final ThreadLocal<Decided> decided = new ThreadLocal<>();

  public void hold(ApiCall call, Answer answer) {
    decided.set(new Decided(call, answer));
  }

  /** Forgets a held answer WireMock did not take (it failed before asking). */
  public void clear() {
    decided.remove();
  }

  /** The answer held for this thread's request, once; null when none. */
  public Decided take() {
    Decided held = decided.get();
    decided.remove();
    return held;
  }
}
