package io.authflow.e2e.steps;

import io.authflow.e2e.report.RunOutcome;
import io.cucumber.picocontainer.CucumberPicoProvider;
import org.picocontainer.injectors.Provider;

/**
 * Gives scenarios the run's outcome, which the console summarises; the console plugin reaches it
 * only as {@link RunOutcome#ofThisJvm()}, so that is the one.
 */
@CucumberPicoProvider
public final class RunOutcomeProvider implements Provider {
  public RunOutcome provide() {
    return RunOutcome.ofThisJvm();
  }
}
