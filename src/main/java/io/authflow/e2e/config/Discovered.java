package io.authflow.e2e.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the run found, beside what its config asked for ({@link HarnessConfig}): the addresses the
 * local stack chose, the capabilities it found on this machine, the pool as the pool describes
 * itself (e.g. its password policy). {@link HarnessConfig#completedBy} gives the run's view of
 * both; the config as loaded stays what the user asked for.
 *
 * @param appUrl the app the local stack serves; empty: the config's
 * @param appiumUrl the Appium server the local stack started; empty: the config's
 * @param userPool the pool as found; empty: the config's
 * @param browserArgs Chromium arguments the browser build's sessions also get (the stand-in's host
 *     mapping and certificate pin)
 * @param targetDefaults capabilities found on this machine, under the config's own
 */
public record Discovered(
    String appUrl,
    String appiumUrl,
    Optional<UserPoolConfig> userPool,
    List<String> browserArgs,
    Map<String, Object> targetDefaults) {
  public static final Discovered NOTHING =
      new Discovered("", "", Optional.empty(), List.of(), Map.of());

  public Discovered {
    browserArgs = List.copyOf(browserArgs);
    targetDefaults = Map.copyOf(targetDefaults);
  }

  /** The same findings, and the pool as it describes itself. */
  public Discovered withUserPool(UserPoolConfig pool) {
    return new Discovered(appUrl, appiumUrl, Optional.of(pool), browserArgs, targetDefaults);
  }
}
