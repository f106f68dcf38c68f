package dev.revokeearn.mock;

import dev.revokeearn.service.ApiPipeline;

/**
 * An answer {@link DirectRoute} decided but WireMock delivers (a delay, a transport fault), with
 * the request it answers. Handed over on the request's own thread: WireMock decides its answer on
 * the thread the filter chain calls it on, before the chain returns (only sending may be deferred).
 */
final class HandedOver {
  record Decided(ApiCall call, ApiPipeline.Answer answer) {}

  private final ThreadLocal<Decided> decided = new ThreadLocal<>();

  void hold(ApiCall call, ApiPipeline.Answer answer) {
    decided.set(new Decided(call, answer));
  }

  /** Forgets a held answer WireMock did not take (it failed before asking). */
  void clear() {
    decided.remove();
  }

  /** The answer held for this thread's request, once; null when none. */
  Decided take() {
    Decided held = decided.get();
    decided.remove();
    return held;
  }
}
