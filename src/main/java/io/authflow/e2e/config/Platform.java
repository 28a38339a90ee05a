package io.authflow.e2e.config;

/** The platforms one screen class serves; each maps a testID to its own locator strategy. */
public enum Platform {
  BROWSER,
  ANDROID,
  IOS
}
