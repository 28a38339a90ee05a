package io.authflow.e2e.device;

import io.appium.java_client.chromium.options.ChromiumOptions;
import io.authflow.e2e.config.TargetConfig;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.MutableCapabilities;

/** The capabilities of a session for a target: the platform's defaults, then the config's extras. */
public final class SessionOptions {
  // Flags checked on this machine kind: without the background-networking ones Chromium keeps
  // dialling hosts a closed network refuses; --no-sandbox because CI runs as root.
  static final List<String> HEADLESS_CHROMIUM_ARGS =
      List.of(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--window-size=420,900");

  private SessionOptions() {}

  public static MutableCapabilities forTarget(TargetConfig target) {
    MutableCapabilities capabilities =
        switch (target.platform()) {
          case BROWSER -> embeddedChromium();
          case ANDROID, IOS -> new MutableCapabilities();
        };
    target.capabilities().forEach(capabilities::setCapability);
    return capabilities;
  }

  /** The browser build in Debian's Chromium through Appium's chromium driver. */
  private static MutableCapabilities embeddedChromium() {
    return new ChromiumOptions()
        .setPlatformName("linux")
        // The driver answers "No matching capabilities found" for browserName chromium.
        .withBrowserName("chrome")
        .setExecutable("/usr/bin/chromedriver")
        .setAutodownloadEnabled(false)
        .amend(
            "goog:chromeOptions",
            Map.of("binary", "/usr/bin/chromium", "args", HEADLESS_CHROMIUM_ARGS));
  }
}
