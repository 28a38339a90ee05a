package io.authflow.e2e.steps;

import io.authflow.e2e.device.RunDevices;
import io.cucumber.picocontainer.CucumberPicoProvider;
import org.picocontainer.injectors.Provider;

/** Gives scenarios the run's devices and kept sessions, which outlive a scenario. */
@CucumberPicoProvider
public final class RunDevicesProvider implements Provider {
  public RunDevices provide() {
    return TestRun.current().devices();
  }
}
