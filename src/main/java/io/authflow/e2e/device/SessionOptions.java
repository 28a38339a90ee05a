package io.authflow.e2e.device;

import io.appium.java_client.chromium.options.ChromiumOptions;
import io.authflow.e2e.config.Platform;
import io.authflow.e2e.config.TargetConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.MutableCapabilities;

/**
 * The capabilities of a session for a target: the platform's and farm's shape, then the config's
 * extras over it (a vendor options map such as {@code bstack:options} is merged key by key, so a
 * profile can add to it without repeating the credentials).
 */
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

  static final String PROJECT = "authflow-e2e";

  private SessionOptions() {}

  /**
   * @param name what the farm shows for the session (the environment's name)
   * @param app the app as the server can install it: a local path, or what an upload returned
   * @param udid the device this worker is bound to, if target.udids names devices
   */
  public static MutableCapabilities forTarget(
      TargetConfig target, String name, String app, Optional<String> udid) {
    MutableCapabilities capabilities =
        target.platform() == Platform.BROWSER
            ? embeddedChromium()
            : new MutableCapabilities(mobile(target, name, app, udid));
    target
        .capabilities()
        .forEach((key, value) -> capabilities.setCapability(key, merged(capabilities, key, value)));
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

  /** Each farm's documented shape; where a farm takes a value decides which key it goes in. */
  private static Map<String, Object> mobile(
      TargetConfig target, String name, String app, Optional<String> udid) {
    boolean android = target.platform() == Platform.ANDROID;
    Map<String, Object> caps = new LinkedHashMap<>();
    caps.put("platformName", android ? "Android" : "iOS");
    caps.put("appium:automationName", android ? "UiAutomator2" : "XCUITest");
    var user = target.credentials();
    switch (target.farm()) {
      case BROWSERSTACK -> {
        caps.put("appium:app", app);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("userName", user.username());
        options.put("accessKey", user.accessKey());
        options.put("projectName", PROJECT);
        options.put("buildName", target.build());
        options.put("sessionName", name);
        putIfSet(options, "deviceName", target.device());
        putIfSet(options, "osVersion", target.osVersion());
        putIfSet(options, "appiumVersion", target.appiumVersion());
        caps.put("bstack:options", options);
      }
      case SAUCELABS -> {
        caps.put("appium:app", app);
        putIfSet(caps, "appium:deviceName", target.device());
        putIfSet(caps, "appium:platformVersion", target.osVersion());
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("username", user.username());
        options.put("accessKey", user.accessKey());
        options.put("build", target.build());
        options.put("name", name);
        putIfSet(options, "appiumVersion", target.appiumVersion());
        caps.put("sauce:options", options);
      }
      case LAMBDATEST -> {
        // LambdaTest reads the device and app from lt:options, not from appium:… keys.
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("username", user.username());
        options.put("accessKey", user.accessKey());
        options.put("build", target.build());
        options.put("name", name);
        options.put("platformName", android ? "android" : "ios");
        putIfSet(options, "deviceName", target.device());
        putIfSet(options, "platformVersion", target.osVersion());
        options.put("isRealMobile", true);
        options.put("app", app);
        options.put("w3c", true);
        caps.put("lt:options", options);
      }
      case NONE, AWS_DEVICE_FARM, GRID -> {
        // Plain Appium: a local server, Device Farm's host-side server, or a Grid relay node
        // (which matches its stereotype on platformName, deviceName and platformVersion).
        caps.put("appium:app", app);
        putIfSet(caps, "appium:deviceName", target.device());
        putIfSet(caps, "appium:platformVersion", target.osVersion());
        udid.ifPresent(id -> caps.put("appium:udid", id));
      }
    }
    return caps;
  }

  private static void putIfSet(Map<String, Object> map, String key, String value) {
    if (!value.isEmpty()) {
      map.put(key, value);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object merged(MutableCapabilities base, String key, Object extra) {
    if (base.getCapability(key) instanceof Map<?, ?> existing && extra instanceof Map<?, ?> more) {
      Map<String, Object> both = new LinkedHashMap<>((Map<String, Object>) existing);
      both.putAll((Map<String, Object>) more);
      return both;
    }
    return extra;
  }
}
