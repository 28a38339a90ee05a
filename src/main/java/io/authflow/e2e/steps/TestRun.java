package io.authflow.e2e.steps;

import io.authflow.e2e.device.RunDevices;
import io.authflow.e2e.parts.StackWatch;
import io.authflow.e2e.report.RunInterruption;
import io.authflow.e2e.run.RunContext;
import io.authflow.e2e.userpool.UserPool;
import io.authflow.e2e.users.TestUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's context for the scenarios: Cucumber's hooks that start and end a run are static, so
 * this one static is how PicoContainer's providers reach the {@link RunContext} they started.
 */
public final class TestRun {
  private static final Logger LOG = LoggerFactory.getLogger(TestRun.class);
  private static RunContext current;

  private TestRun() {}

  /** The run goes on in {@code context}, started and opened by the hooks. */
  static synchronized void start(RunContext context) {
    current = context;
  }

  static synchronized void stop() {
    if (current != null) {
      RunDevices.shared().closeAll();
      // This run's users only: parallel jobs on the same pool have their own.
      String prefix = TestUsers.runPrefix(current.config().users().emailPrefix());
      if (RunInterruption.interrupted()) {
        // The signal stopped the local parts too, so counting would only fail; not worth a line.
        LOG.info("Run end: interrupted; the next run's start sweeps what this run's users left");
      } else {
        try {
          // Every scenario deletes its users; a count above zero here is a cleanup bug to chase.
          // Guarded: a dead stand-in is named at once rather than after the SDK's retries.
          LOG.info(
              "Run end: {} test user(s) of this run left in pool {}",
              StackWatch.guard(UserPool.class, current.pool()).countTestUsers(prefix),
              current.config().userPool().id());
        } catch (RuntimeException e) {
          String message = String.valueOf(e.getMessage());
          LOG.warn(
              "Run end: could not count left-over test users: {}",
              message.lines().findFirst().orElse(message));
        }
      }
      current.close();
      current = null;
    }
  }

  static synchronized RunContext current() {
    if (current == null) {
      throw new IllegalStateException(
          "The run has not started: the @BeforeAll hook in Hooks starts it.");
    }
    return current;
  }
}
