package io.authflow.e2e.device;

import io.appium.java_client.AppiumClientConfig;
import io.appium.java_client.AppiumDriver;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.config.Platform;
import java.net.URI;
import java.util.Optional;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.picocontainer.Disposable;

/**
 * The app of one scenario. The Appium session starts on first use, so scenarios that only touch
 * the user pool never start one; it ends in {@link #dispose()}, which PicoContainer calls after
 * every {@code @After} hook, so hooks can still take a screenshot.
 */
public final class AppSession implements Disposable {
  private final HarnessConfig config;
  private AppiumDriver driver;

  public AppSession(HarnessConfig config) {
    this.config = config;
  }

  public AppiumDriver driver() {
    if (driver == null) {
      driver = start();
    }
    return driver;
  }

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

  /** Opens a screen directly, as a deep link (or a typed URL in the browser build) does. */
  public void openLink(String route) {
    driver().get(config.app().url().replaceAll("/$", "") + route);
  }

  /** Closes the app and opens it again; what it persisted (the session) stays. */
  public void relaunch() {
    launch();
  }

  /** The system Back gesture or the browser's Back button. */
  public void back() {
    driver().navigate().back();
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
        + config.target().appium()
        + (platform() == Platform.BROWSER ? " (" + config.app().url() + ")" : "");
  }

  @Override
  public void dispose() {
    if (driver != null) {
      try {
        driver.quit();
      } catch (WebDriverException e) {
        // The session may already be gone (Appium's own timeout); nothing is left to end.
      }
      driver = null;
    }
  }

  private AppiumDriver start() {
    String url = config.target().appium();
    try {
      var client =
          AppiumClientConfig.defaultConfig()
              .baseUri(URI.create(url))
              .readTimeout(config.timeouts().session());
      return new AppiumDriver(client, SessionOptions.forTarget(config.target()));
    } catch (WebDriverException e) {
      throw new SessionStartException(
          "Appium at "
              + url
              + " could not start a "
              + platform().name().toLowerCase()
              + " session ("
              + config.env()
              + " environment): "
              + firstLine(e.getMessage())
              + ". Check that the server runs and has the driver for this platform.",
          e);
    }
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
