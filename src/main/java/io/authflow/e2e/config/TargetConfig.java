package io.authflow.e2e.config;

import java.util.Map;

/**
 * Where the app runs: the platform, the Appium server (or "embedded" for the local stack's) and
 * capabilities merged over the platform's defaults.
 */
public record TargetConfig(Platform platform, String appium, Map<String, Object> capabilities) {

  public TargetConfig {
    capabilities = Map.copyOf(capabilities);
  }

  public boolean embeddedAppium() {
    return "embedded".equals(appium);
  }

  TargetConfig withAppium(String url) {
    return new TargetConfig(platform, url, capabilities);
  }
}
