package dev.revokeearn.conformance;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.HookTestStep;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestStepFinished;

/**
 * A Cucumber plugin that tells the run which step of a scenario failed: JUnit's result names only
 * the scenario and the exception. Cucumber publishes the step's end on the thread that runs it, the
 * run's own (see {@link ConformanceRun}).
 */
public final class FailedSteps implements ConcurrentEventListener {
  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestStepFinished.class, this::finished);
  }

  private void finished(TestStepFinished event) {
    if (event.getResult().getStatus() != Status.FAILED) {
      return;
    }
    String step =
        event.getTestStep() instanceof PickleStepTestStep pickle
            ? pickle.getStep().getKeyword().strip() + " " + pickle.getStep().getText()
            : event.getTestStep() instanceof HookTestStep hook
                ? "a " + hook.getHookType().name().toLowerCase(java.util.Locale.ROOT) + " hook"
                : event.getTestStep().getCodeLocation();
    ConformanceRun.current().ifPresent(run -> run.stepFailed(step));
  }
}
