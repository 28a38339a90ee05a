package io.authflow.e2e.steps;

import io.authflow.e2e.parts.StackWatch;
import io.cucumber.java.Before;

/**
 * Once a part of the local stack has died, every later scenario fails at once with its name,
 * instead of each waiting out its own timeouts and blaming the app. Within a scenario the waits and
 * the pool and inbox calls check for themselves; a scenario hook (not a step hook) keeps the check
 * out of the steps a product owner reads in the report.
 */
public final class StackWatchHooks {
  private final StackWatch watch;

  public StackWatchHooks(StackWatch watch) {
    this.watch = watch;
  }

  @Before(order = 0)
  public void stackStillRuns() {
    watch.check();
  }
}
