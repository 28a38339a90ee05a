package io.authflow.e2e.steps;

import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.screens.AppProfile;
import io.cucumber.picocontainer.CucumberPicoProvider;
import org.picocontainer.injectors.Provider;

/** Gives scenarios the profile of the app under test ({@code app.name}), read once per scenario. */
@CucumberPicoProvider
public final class AppProfileProvider implements Provider {
  public AppProfile provide(HarnessConfig config) {
    return AppProfile.of(config);
  }
}
