package io.authflow.e2e.steps;

import io.authflow.e2e.userpool.UserPool;
import io.cucumber.picocontainer.CucumberPicoProvider;
import org.picocontainer.injectors.Provider;

/** Gives scenarios the run's {@link UserPool}, so their classes take it by constructor. */
@CucumberPicoProvider
public final class UserPoolProvider implements Provider {
  public UserPool provide() {
    // Fails at once, naming the part, when the local stack dies under a call.
    var run = TestRun.current();
    return run.watch().guard(UserPool.class, run.pool());
  }
}
