package io.authflow.e2e.steps;

import io.authflow.e2e.inbox.Inbox;
import io.cucumber.picocontainer.CucumberPicoProvider;
import org.picocontainer.injectors.Provider;

/** Gives scenarios the run's {@link Inbox}, so their classes take it by constructor. */
@CucumberPicoProvider
public final class InboxProvider implements Provider {
  public Inbox provide() {
    // Fails at once, naming the part, when the local stack dies under a call.
    var run = TestRun.current();
    return run.watch().guard(Inbox.class, run.inbox());
  }
}
