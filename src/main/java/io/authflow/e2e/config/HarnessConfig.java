package io.authflow.e2e.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a run needs to know, loaded once by {@link ConfigLoader}. Immutable; the embedded
 * local stack completes it with the addresses it chose ({@link #withLocalStack}).
 */
public record HarnessConfig(
    String env,
    Path file,
    boolean embeddedStack,
    AppConfig app,
    TargetConfig target,
    UserPoolConfig userPool,
    InboxConfig inbox,
    UsersConfig users,
    Timeouts timeouts,
    LocalStackConfig localStack) {

  /** The same configuration with the pool as the pool itself describes it (e.g. its policy). */
  public HarnessConfig withUserPool(UserPoolConfig pool) {
    return new HarnessConfig(
        env, file, embeddedStack, app, target, pool, inbox, users, timeouts, localStack);
  }

  /**
   * The same configuration pointing at the parts the local stack started; {@code browserArgs} let
   * the browser reach the Cognito stand-in where the app calls Cognito.
   */
  public HarnessConfig withLocalStack(
      String appUrl, String appiumUrl, UserPoolConfig pool, List<String> browserArgs) {
    return new HarnessConfig(
        env,
        file,
        embeddedStack,
        new AppConfig(app.name(), appUrl),
        target.withAppium(appiumUrl).withBrowserArgs(browserArgs),
        pool,
        inbox,
        users,
        timeouts,
        localStack);
  }

  /**
   * The same configuration with capabilities the local stack found on this machine (its browser and
   * driver) under the profile's own target.capabilities.
   */
  public HarnessConfig withTargetDefaults(Map<String, Object> found) {
    return new HarnessConfig(
        env,
        file,
        embeddedStack,
        app,
        target.withDefaults(found),
        userPool,
        inbox,
        users,
        timeouts,
        localStack);
  }
}
