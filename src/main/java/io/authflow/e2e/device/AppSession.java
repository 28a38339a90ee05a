package io.authflow.e2e.device;

import io.appium.java_client.AppiumDriver;
import io.appium.java_client.MobileCommand;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.config.Platform;
import io.authflow.e2e.parts.FreePorts;
import io.authflow.e2e.parts.StackWatch;
import io.authflow.e2e.report.RunEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.remote.CommandInfo;
import org.picocontainer.Disposable;

/**
 * The app of one scenario. The Appium session starts on first use, so scenarios that only touch the
 * user pool never start one; it ends in {@link #end(boolean)} (the last {@code @After} hook, after
 * the failure evidence) or at the latest in {@link #dispose()}. With target.sessionPerWorker (the
 * local stack's default) the session is kept instead ({@link RunDevices}) and the app is reset as
 * it is handed back; after a failed scenario it is quit, and the next one starts a new session. A
 * second session in the same scenario (their other device) is kept as well, for the next scenario
 * that needs one: its own lease, so never the session the scenario already holds.
 */
public final class AppSession implements Disposable {
  private final HarnessConfig config;
  private final RunDevices devices;
  private final StackWatch watch;
  // This scenario's device and kept session, handed back in dispose().
  private final RunDevices.Lease lease;
  private AppiumDriver driver;
  private final UnansweredRequests unanswered = new UnansweredRequests();

  /**
   * {@code devices} and {@code watch} are the run's: what outlives the scenario, and the watch that
   * names a dead part of the stack as the cause of a failure.
   */
  public AppSession(HarnessConfig config, RunDevices devices, StackWatch watch) {
    this.config = config;
    this.devices = devices;
    this.watch = watch;
    this.lease = devices.lease();
  }

  /** The run's watch on the parts this session depends on. */
  public StackWatch watch() {
    return watch;
  }

  public AppiumDriver driver() {
    if (driver == null) {
      // The device first: a kept session is picked by the device it runs on.
      lease.udid(config.target().udids());
      driver =
          config.target().sessionPerWorker()
              ? lease.kept(this::start, this::reset, keptIdle())
              : start();
    }
    return driver;
  }

  /**
   * How long a kept session may sit, reset and unused, before it is reset again as it is taken:
   * half the newCommandTimeout the harness asks of the server, so a server that ended it meanwhile
   * is found out by the reset's commands, which replace it, not by the scenario's first step.
   */
  private Duration keptIdle() {
    return SessionOptions.newCommandTimeout(config.timeouts()).dividedBy(2);
  }

  /**
   * Fails naming the host and what happened when the browser build's calls to its backend got no
   * answer (a host that does not resolve, a refused connection, an untrusted certificate), read
   * from the browser's log; returns quietly otherwise, on phones, and before the app started.
   * {@code awaited} is what the step was waiting for.
   */
  public void requireBackendReached(String awaited) {
    if (driver == null || platform() != Platform.BROWSER) {
      return;
    }
    List<String> failed = unanswered.read(driver);
    if (!failed.isEmpty()) {
      throw new BackendUnreachableException(
          "The app's calls to its backend got no answer while waiting for "
              + awaited
              + ": "
              + String.join("; ", failed)
              + ". "
              + mappedHostsNote());
    }
  }

  /** What the local stack's browser reaches in its stead, from the host mapping it was given. */
  private String mappedHostsNote() {
    List<String> hosts =
        config.target().browserArgs().stream()
            .filter(arg -> arg.startsWith(HOST_RULES))
            .flatMap(arg -> Stream.of(arg.substring(HOST_RULES.length()).split(",")))
            .map(rule -> rule.trim().split("\\s+"))
            .filter(rule -> rule.length == 3 && rule[0].equals("MAP") && !rule[2].startsWith("~"))
            .map(rule -> rule[1])
            .toList();
    if (hosts.isEmpty()) {
      return "Check that the device reaches the hosts the app's amplify_outputs.json names.";
    }
    return "This run's browser reaches only "
        + String.join(" and ", hosts)
        + " at the local stack: the app was built with another amplify_outputs.json (region,"
        + " pool, endpoint) than the one the stack answers as; build it with that file, or give"
        + " the one it imports in local.amplifyOutputs.";
  }

  private static final String HOST_RULES = "--host-resolver-rules=";

  public boolean started() {
    return driver != null;
  }

  public Platform platform() {
    return config.target().platform();
  }

  /** Opens the app at its first screen, as a user tapping its icon (or its URL) would. */
  public void launch() {
    if (platform() == Platform.BROWSER) {
      driver().get(config.app().url());
    } else {
      driver();
    }
  }

  /**
   * Opens a screen directly: a typed URL in the browser build, a deep link on a phone (app.url is
   * then the app's link base, e.g. {@code myapp://}).
   */
  public void openLink(String route) {
    String base = config.app().url();
    if (base.isEmpty()) {
      throw new IllegalStateException(
          "Cannot open "
              + route
              + " directly: app.url is empty in "
              + config.file()
              + "; give the app's deep-link base (e.g. myapp://).");
    }
    String link = base.replaceAll("/$", "") + route;
    switch (platform()) {
      case BROWSER -> driver().get(link);
      case ANDROID ->
          driver()
              .executeScript("mobile: deepLink", Map.of("url", link, "package", appId(driver())));
      case IOS ->
          driver()
              .executeScript("mobile: deepLink", Map.of("url", link, "bundleId", appId(driver())));
    }
  }

  /** Closes the app and opens it again; what it persisted (the session) stays. */
  public void relaunch() {
    if (platform() == Platform.BROWSER) {
      launch();
      return;
    }
    var app = appArgument(driver());
    driver().executeScript("mobile: terminateApp", app);
    driver().executeScript("mobile: activateApp", app);
  }

  /**
   * Closes the app, keeping what it persisted: the browser leaves the app's page (its code stops
   * running), a phone terminates the app. {@link #relaunch()} opens it again.
   */
  public void close() {
    if (platform() == Platform.BROWSER) {
      driver().get("about:blank");
      return;
    }
    driver().executeScript("mobile: terminateApp", appArgument(driver()));
  }

  /**
   * Asks the device something harmless, so Appium's newCommandTimeout (sized for screen waits) does
   * not end a session whose app stays closed while a step waits for time to pass.
   */
  public void keepAwake() {
    if (driver != null) {
      location();
    }
  }

  /**
   * Hides the soft keyboard after typing on a phone: it can cover the next field or the submit
   * button. The drivers answer false, not an error, when no keyboard is shown.
   */
  public void hideKeyboard() {
    if (platform() != Platform.BROWSER) {
      driver().executeScript("mobile: hideKeyboard");
    }
  }

  /** The system Back gesture or the browser's Back button. */
  public void back() {
    driver().navigate().back();
  }

  /**
   * Comes back to the app after Back left it: the browser's Forward button, or on a phone the app
   * opened again from the launcher (what it kept, e.g. the session, stays).
   */
  public void returnToApp() {
    if (platform() == Platform.BROWSER) {
      driver().navigate().forward();
      return;
    }
    driver().executeScript("mobile: activateApp", appArgument(driver()));
  }

  /** Whether the app is in front: the browser shows the app's address, or the phone the app. */
  public boolean appInFront() {
    if (platform() == Platform.BROWSER) {
      return driver().getCurrentUrl().startsWith(config.app().url());
    }
    Object state = driver().executeScript("mobile: queryAppState", appArgument(driver()));
    // Both drivers answer 4 for "running in foreground".
    return Long.valueOf(4).equals(state);
  }

  /** Where the app is, for failure messages: the browser's URL, Android's activity, iOS's app. */
  public String location() {
    try {
      return switch (platform()) {
        case BROWSER -> "URL " + driver().getCurrentUrl();
        case ANDROID -> "activity " + driver().executeScript("mobile: getCurrentActivity");
        case IOS -> "app " + driver().executeScript("mobile: activeAppInfo");
      };
    } catch (WebDriverException e) {
      return "an unknown place (" + e.getClass().getSimpleName() + ")";
    }
  }

  public Optional<byte[]> screenshot() {
    return evidence(() -> driver.getScreenshotAs(OutputType.BYTES));
  }

  public Optional<String> pageSource() {
    return evidence(() -> driver.getPageSource());
  }

  public String describe() {
    return config.target().platform().name().toLowerCase()
        + " app via Appium at "
        + RunEnvironment.maskUrl(config.target().appium())
        + (platform() == Platform.BROWSER ? " (" + config.app().url() + ")" : "");
  }

  /**
   * Ends the scenario's use of the app: a kept session goes back for the next scenario, unless
   * {@code failed} (what the app was left in is not worth resetting); any other session is quit.
   */
  public void end(boolean failed) {
    if (lease.keeps(driver)) {
      driver = null;
      if (failed) {
        lease.discard();
      } else {
        lease.release();
      }
    } else if (driver != null) {
      try {
        driver.quit();
      } catch (RuntimeException e) {
        // The session may already be gone (Appium's own timeout, a dead server); nothing is left
        // to end. Nothing may escape: PicoContainer would skip the disposals after this one.
      } finally {
        driver = null;
        lease.release();
      }
    } else {
      lease.release();
    }
  }

  @Override
  public void dispose() {
    end(false);
  }

  private static final String CHROMEDRIVER_PORT = "appium:chromedriverPort";

  /**
   * ChromeDriver's DevTools passthrough, which Appium's chromium driver routes to it as it does
   * Selenium's ChromiumDriver (executeCdpCommand).
   */
  private static final String CDP = "executeCdpCommand";

  private static final Map<String, CommandInfo> COMMANDS = withCdp();

  private static Map<String, CommandInfo> withCdp() {
    var commands = new HashMap<>(MobileCommand.commandRepository);
    commands.put(CDP, MobileCommand.postC("/session/:sessionId/goog/cdp/execute"));
    return Map.copyOf(commands);
  }

  /**
   * Clears what the app's origin stored (local and session storage, every IndexedDB database) and
   * answers when done; answers 'elsewhere' without clearing on a page that is not the app's. The
   * page runs on until it is left: it is kept from storing anew.
   */
  static final String CLEAR_SITE_DATA =
      """
      const [app, done] = arguments;
      if (!location.href.startsWith(app)) return done('elsewhere');
      Storage.prototype.setItem = () => {};
      localStorage.clear();
      sessionStorage.clear();
      const deleted = (name) => new Promise((ok) => {
        const request = indexedDB.deleteDatabase(name);
        // Blocked: the page holds it open; deleted when the page goes, before anything reopens it.
        request.onsuccess = request.onerror = request.onblocked = ok;
      });
      indexedDB.databases()
        .then((all) => Promise.all(all.map((db) => deleted(db.name))))
        .then(() => done(null), (e) => done(String(e)));
      """;

  private AppiumDriver start() {
    var target = config.target();
    String url = target.appium();
    try {
      var client = SessionOptions.client(target, config.timeouts().session());
      var capabilities =
          SessionOptions.forTarget(
              target, config.timeouts(), config.env(), app(), lease.udid(target.udids()));
      if (platform() == Platform.BROWSER && capabilities.getCapability(CHROMEDRIVER_PORT) == null) {
        // The chromium driver starts every ChromeDriver on 9515 unless told otherwise, so two
        // parallel sessions would collide.
        capabilities.setCapability(CHROMEDRIVER_PORT, FreePorts.next());
      }
      return new InterruptibleDriver(
          new TransportFaults(
              COMMANDS,
              new SessionTimeouts(config.timeouts().session(), config.timeouts().api()),
              client,
              url,
              watch),
          capabilities);
    } catch (WebDriverException e) {
      watch.checkAfterFailure();
      String message = redacted(firstLine(e.getMessage()));
      throw new SessionStartException(
          "Appium at "
              + RunEnvironment.maskUrl(url)
              + " could not start a "
              + platform().name().toLowerCase()
              + " session ("
              + config.env()
              + " environment): "
              + message
              + (lacksDevice(message)
                  ? ". The server accepted the capabilities but has no device for them: start an"
                      + " emulator or simulator, connect a device (target.udids), or use a farm"
                      + " profile."
                  : message.matches("(?is).*chromedriver.*")
                      ? ". The browser needs a ChromeDriver of its own version: install one and set"
                          + " local.chromedriver (AUTHFLOW_LOCAL_CHROMEDRIVER), or remove it and"
                          + " let Appium download the matching one (needs internet access)."
                      : ". Check that the server runs and has the driver for this platform."),
          // A farm's error can echo the capabilities, access key included.
          target.credentials().present() ? null : e);
    }
  }

  /**
   * The app as the server takes it: a farm upload's reference for a local file on BrowserStack,
   * Sauce Labs or LambdaTest, the absolute path of a local file otherwise, else target.app as is.
   */
  private String app() {
    var target = config.target();
    if (platform() == Platform.BROWSER) {
      return "";
    }
    Path file = Path.of(target.app()).toAbsolutePath();
    if (!Files.exists(file)) {
      return target.app();
    }
    // A simulator's .app is a folder, installed from where it is.
    if (!target.farm().needsCredentials() || Files.isDirectory(file)) {
      return file.toString();
    }
    return devices.uploaded(
        target.farm() + " " + file,
        () ->
            AppUploader.forFarm(target.farm(), target.credentials(), config.timeouts().session())
                .upload(file));
  }

  /**
   * Returns a kept session's app to its first screen with nothing persisted, so the next scenario
   * starts signed out as with a new session.
   */
  private void reset(AppiumDriver kept) {
    switch (platform()) {
      case BROWSER -> {
        String app = config.app().url();
        if ("elsewhere".equals(kept.executeAsyncScript(CLEAR_SITE_DATA, app))) {
          // The last scenario left the app closed (close(): about:blank) or elsewhere: its
          // origin's storage is only reachable from a page of that origin.
          kept.get(app);
          kept.executeAsyncScript(CLEAR_SITE_DATA, app);
        }
        kept.manage().deleteAllCookies();
        // The page goes, its scripts with it, and then its history: Back cannot bring the last
        // user's page back, nor the back-forward cache's copy of it. The scenario's first step
        // opens the app, as in a new session. (One tab replaced by a new one did the same in two
        // more commands, the new tab alone about 100 ms.)
        kept.get("about:blank");
        kept.execute(CDP, Map.of("cmd", "Page.resetNavigationHistory", "params", Map.of()));
        // Reading the browser's log empties it: the last scenario's failed requests are not ours.
        new UnansweredRequests().read(kept);
      }
      case ANDROID -> {
        var app = appArgument(kept);
        kept.executeScript("mobile: clearApp", app);
        kept.executeScript("mobile: activateApp", app);
      }
      case IOS -> {
        // XCUITest cannot clear an app's data on a real device; terminate and relaunch keeps what
        // the app stored, so scenarios on iOS with a kept session must not rely on a fresh start.
        var app = appArgument(kept);
        kept.executeScript("mobile: terminateApp", app);
        kept.executeScript("mobile: activateApp", app);
      }
    }
  }

  /** The app argument of the drivers' mobile: app commands (appId on Android, bundleId on iOS). */
  private Map<String, Object> appArgument(AppiumDriver session) {
    return Map.of(platform() == Platform.ANDROID ? "appId" : "bundleId", appId(session));
  }

  /**
   * The installed app's id: as the session reports it (the drivers read it from the app), else as
   * target.capabilities gives it.
   */
  private Object appId(AppiumDriver session) {
    String key = platform() == Platform.ANDROID ? "appPackage" : "bundleId";
    Object id = session.getCapabilities().getCapability("appium:" + key);
    if (id == null) {
      id = config.target().capabilities().get("appium:" + key);
    }
    if (id == null) {
      throw new IllegalStateException(
          "The app's id is unknown: set target.capabilities 'appium:"
              + key
              + "' in "
              + config.file()
              + " (needed to relaunch or reset the app).");
    }
    return id;
  }

  /** What the drivers say when everything but the device is in order. */
  private static boolean lacksDevice(String message) {
    return message.matches(
        "(?is).*(ANDROID_HOME|ANDROID_SDK_ROOT|requires macOS|Xcode|no device|device .*not found"
            + "|could not find a connected).*");
  }

  private String redacted(String message) {
    String key = config.target().credentials().accessKey();
    return key.isEmpty() ? message : message.replace(key, "***");
  }

  private <T> Optional<T> evidence(java.util.function.Supplier<T> take) {
    if (driver == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(take.get());
    } catch (WebDriverException e) {
      return Optional.empty();
    }
  }

  private static String firstLine(String text) {
    return text == null ? "no message" : text.lines().findFirst().orElse(text);
  }
}
