package io.authflow.e2e.config;

import java.nio.file.Path;

/**
 * Everything a run asked for, loaded once by {@link ConfigLoader}. Immutable; what the run found
 * (the local stack's addresses, the pool's own policy) is a {@link Discovered} of its own, and
 * {@link #completedBy} gives the view of both that the run's parts use.
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

  /**
   * What the run uses: this configuration completed with what the run {@code found} (the local
   * stack's addresses and browser, the pool's own description); a finding wins over the config.
   */
  public HarnessConfig completedBy(Discovered found) {
    TargetConfig completed = target.withBrowserArgs(found.browserArgs());
    if (!found.appiumUrl().isEmpty()) {
      completed = completed.withAppium(found.appiumUrl());
    }
    return new HarnessConfig(
        env,
        file,
        embeddedStack,
        found.appUrl().isEmpty() ? app : new AppConfig(app.name(), found.appUrl()),
        completed.withDefaults(found.targetDefaults()),
        found.userPool().orElse(userPool),
        inbox,
        users,
        timeouts,
        localStack);
  }
}
