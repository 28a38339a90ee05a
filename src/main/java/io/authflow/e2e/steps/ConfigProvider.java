package io.authflow.e2e.steps;

import io.authflow.e2e.config.HarnessConfig;
import io.cucumber.picocontainer.CucumberPicoProvider;
import org.picocontainer.injectors.Provider;

/** Gives scenarios the run's {@link HarnessConfig}, so their classes take it by constructor. */
@CucumberPicoProvider
public final class ConfigProvider implements Provider {
  public HarnessConfig provide() {
    return TestRun.current().config();
  }
}
