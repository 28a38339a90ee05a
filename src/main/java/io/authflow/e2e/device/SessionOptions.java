package io.authflow.e2e.device;

import io.appium.java_client.AppiumClientConfig;
import io.appium.java_client.chromium.options.ChromiumOptions;
import io.authflow.e2e.config.Platform;
import io.authflow.e2e.config.TargetConfig;
import io.authflow.e2e.config.TargetConfig.Farm;
import io.authflow.e2e.config.Timeouts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.Capabilities;
import org.openqa.selenium.MutableCapabilities;
import org.openqa.selenium.remote.http.Filter;

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

  // Room beyond the longest wait for what a step does between two Appium commands (creating a
  // user, reading the pool), so a kept session is not ended while a scenario works elsewhere.
  public static final Duration IDLE_MARGIN = Duration.ofSeconds(60);
  private static final String NEW_COMMAND_TIMEOUT = "appium:newCommandTimeout";
  private static final String LAMBDATEST_OPTIONS = "lt:options";

  private SessionOptions() {}

  /**
   * @param name what the farm shows for the session (the environment's name)
   * @param app the app as the server can install it: a local path, or what an upload returned
   * @param udid the device this worker is bound to, if target.udids names devices
   */
  public static MutableCapabilities forTarget(
      TargetConfig target, Timeouts timeouts, String name, String app, Optional<String> udid) {
    MutableCapabilities capabilities =
        target.platform() == Platform.BROWSER
            ? embeddedChromium(target.browserArgs())
            : new MutableCapabilities(mobile(target, name, app, udid));
    // Appium ends a session after newCommandTimeout without a command (60 s unless told), and a
    // step awaiting a code sends none; set above the longest wait, a profile may still override it.
    long seconds = newCommandTimeout(timeouts).toSeconds();
    if (target.farm() == Farm.LAMBDATEST) {
      // LambdaTest documents it among its lt:options, where it reads the session's settings.
      capabilities.setCapability(
          LAMBDATEST_OPTIONS,
          merged(capabilities, LAMBDATEST_OPTIONS, Map.of("newCommandTimeout", seconds)));
    } else {
      capabilities.setCapability(NEW_COMMAND_TIMEOUT, seconds);
    }
    target
        .capabilities()
        .forEach((key, value) -> capabilities.setCapability(key, merged(capabilities, key, value)));
    return capabilities;
  }

  /**
   * The client of the target's server. LambdaTest's app automation samples authenticate with the
   * credentials in the hub URL ({@code https://user:key@mobile-hub…/wd/hub}), which their HTTP
   * clients send as a Basic Authorization header with every request; Java's HTTP client would send
   * URL credentials only after a 401 challenge, so the header is added here. The URL itself stays
   * free of credentials, so printing it leaks nothing.
   */
  public static AppiumClientConfig client(TargetConfig target, Duration readTimeout) {
    var client =
        AppiumClientConfig.defaultConfig()
            .baseUri(URI.create(target.appium()))
            .readTimeout(readTimeout);
    var credentials = target.credentials();
    if (target.farm() != Farm.LAMBDATEST || !credentials.present()) {
      return client;
    }
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (credentials.username() + ":" + credentials.accessKey())
                        .getBytes(StandardCharsets.UTF_8));
    Filter authenticate =
        next ->
            request -> {
              request.setHeader("Authorization", basic);
              return next.execute(request);
            };
    return client.withFilter(authenticate);
  }

  /** The longest a step waits: for a screen (while polling Appium) or for a code (without). */
  public static Duration longestWait(Timeouts timeouts) {
    return timeouts.code().compareTo(timeouts.screen()) > 0 ? timeouts.code() : timeouts.screen();
  }

  /** The newCommandTimeout the harness sends: the longest wait and a margin. */
  public static Duration newCommandTimeout(Timeouts timeouts) {
    return longestWait(timeouts).plus(IDLE_MARGIN);
  }

  /**
   * The newCommandTimeout a session with these capabilities gets, where the target's server reads
   * it; empty when none is set (Appium's default, 60 s, applies).
   */
  public static Optional<Duration> newCommandTimeout(Capabilities capabilities, Farm farm) {
    Object value = capabilities.getCapability(NEW_COMMAND_TIMEOUT);
    if (farm == Farm.LAMBDATEST
        && capabilities.getCapability(LAMBDATEST_OPTIONS) instanceof Map<?, ?> options) {
      value = options.get("newCommandTimeout");
    }
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value.toString().trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The browser build in headless Chromium or Chrome through Appium's chromium driver, with {@code
   * more} arguments after the headless ones (target.browserArgs). Which browser and ChromeDriver,
   * and the machine's platformName, the local stack adds under target.capabilities (it finds them
   * on the machine it runs on).
   */
  private static MutableCapabilities embeddedChromium(List<String> more) {
    List<String> args = new java.util.ArrayList<>(HEADLESS_CHROMIUM_ARGS);
    args.addAll(more);
    return new ChromiumOptions()
        .setPlatformName("linux")
        // The driver answers "No matching capabilities found" for browserName chromium.
        .withBrowserName("chrome")
        .setAutodownloadEnabled(false)
        .amend("goog:chromeOptions", Map.of("args", args))
        // The app's failed requests (net::ERR_…) are logged at SEVERE: they name the host a step
        // could not reach when the app cannot reach its backend.
        .amend("goog:loggingPrefs", Map.of("browser", "SEVERE"));
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
        // LambdaTest reads the device and app from lt:options, not from appium:… keys. Its app
        // automation capabilities name the credentials user and accessKey (its samples put them in
        // the hub URL instead; client() sends them that way too).
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("user", user.username());
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

  /**
   * A map both give is merged key by key, and a list both give inside it (goog:chromeOptions' args)
   * is the two lists in turn: a profile's own Chromium arguments come after the harness's headless
   * ones instead of replacing them (without those Chromium would not start here).
   */
  @SuppressWarnings("unchecked")
  private static Object merged(MutableCapabilities base, String key, Object extra) {
    if (base.getCapability(key) instanceof Map<?, ?> existing && extra instanceof Map<?, ?> more) {
      Map<String, Object> both = new LinkedHashMap<>((Map<String, Object>) existing);
      ((Map<String, Object>) more)
          .forEach(
              (name, value) ->
                  both.merge(
                      name,
                      value,
                      (mine, theirs) -> {
                        if (mine instanceof List<?> a && theirs instanceof List<?> b) {
                          List<Object> joined = new java.util.ArrayList<>(a);
                          b.stream().filter(item -> !a.contains(item)).forEach(joined::add);
                          return joined;
                        }
                        return theirs;
                      }));
      return both;
    }
    return extra;
  }
}
