package io.authflow.e2e.steps;

import io.authflow.e2e.parts.StackWatch;
import io.cucumber.picocontainer.CucumberPicoProvider;
import org.picocontainer.injectors.Provider;

/**
 * Gives scenarios the run's watch on the parts it depends on, so a dead part is named as the cause.
 */
@CucumberPicoProvider
public final class StackWatchProvider implements Provider {
  public StackWatch provide() {
    return TestRun.current().watch();
  }
}
