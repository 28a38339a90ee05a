package io.authflow.e2e.steps;

import io.authflow.e2e.report.RunInterruption;
import io.cucumber.java.Before;

/**
 * Once the run is interrupted (Ctrl-C, a cancelled CI job), every scenario that has not started is
 * not run: it ends at once as skipped, "run interrupted", instead of failing on the parts the same
 * signal stopped. Cucumber still goes through them, so the run ends with every report written.
 */
public final class InterruptionHooks {
  @Before(order = -1)
  public void notAfterTheSignal() {
    RunInterruption.check("the scenario had not started");
  }
}
