package io.authflow.e2e.steps;

import io.authflow.e2e.local.StackWatch;
import io.cucumber.java.BeforeStep;

/**
 * Once a part of the local stack has died, every later step fails at once with its name, instead of
 * each scenario waiting out its own timeouts and blaming the app.
 */
public final class StackWatchHooks {
  @BeforeStep
  public void stackStillRuns() {
    StackWatch.check();
  }
}
