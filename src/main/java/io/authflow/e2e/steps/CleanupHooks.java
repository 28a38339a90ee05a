package io.authflow.e2e.steps;

import io.authflow.e2e.report.Evidence;
import io.authflow.e2e.report.RunOutcome;
import io.authflow.e2e.users.TestUsers;
import io.cucumber.java.After;
import io.cucumber.java.Scenario;

/**
 * Deletes the scenario's test users while the scenario is still open, so a delete that fails is
 * shown on it (report attachment) and in the run's console summary. Order 1: after every other
 * {@code @After} hook (they run highest order first), so evidence is taken before the users go.
 */
public final class CleanupHooks {
  private final TestUsers users;
  private final Evidence evidence;
  private final RunOutcome outcome;

  public CleanupHooks(TestUsers users, Evidence evidence, RunOutcome outcome) {
    this.users = users;
    this.evidence = evidence;
    this.outcome = outcome;
  }

  @After(order = 1)
  public void deleteTestUsers(Scenario scenario) {
    var failures = users.cleanUp();
    if (!failures.isEmpty()) {
      evidence.text("Cleanup failed", String.join("\n", failures));
      failures.forEach(f -> outcome.cleanupFailed(scenario.getName(), f));
    }
  }
}
