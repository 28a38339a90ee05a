package io.authflow.e2e.screens;

import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.local.StackWatch;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What screens do with the app, by logical name: wait for an element, tap it, type into it, read
 * it. Every wait is bounded by {@code timeouts.screen}, and a timeout says what was awaited, where,
 * and which screen and message the app showed instead.
 */
public final class Ui {
  // The app's "deciding what to show" indicator, if its screen map names one.
  private static final String LOADING = "app.loading";
  private final AppSession session;
  private final ScreenMap map;
  private final HarnessConfig config;

  public Ui(AppSession session, HarnessConfig config) {
    this(session, ScreenMap.load(Path.of("config", "apps", config.app().name() + ".yaml")), config);
  }

  Ui(AppSession session, ScreenMap map, HarnessConfig config) {
    this.session = session;
    this.map = map;
    this.config = config;
  }

  public AppSession session() {
    return session;
  }

  /** Waits until the screen whose root is {@code <screen>.screen} is shown. */
  public void awaitScreen(String screen) {
    awaitVisible(screen + ".screen", "the " + screen + " screen");
  }

  public void tap(String name) {
    awaitVisible(name, name).click();
  }

  public void type(String name, String text) {
    WebElement field = awaitVisible(name, name);
    field.clear();
    field.sendKeys(text);
    session.hideKeyboard();
  }

  /** The text of an element once it is shown. */
  public String awaitText(String name) {
    return awaitVisible(name, name).getText();
  }

  /** The element's text if it is shown right now; for absence checks after a positive signal. */
  public Optional<String> textIfShown(String name) {
    return visible(name).map(WebElement::getText);
  }

  /** Whether the element is shown right now; for absence checks after a positive signal. */
  public boolean isShown(String name) {
    return visible(name).isPresent();
  }

  /**
   * Waits until the app has decided what to show and returns that screen's name: no loading
   * indicator (app.loading, where the app map has one), exactly one known screen, and the same one
   * on two looks in a row a poll apart. The app may route asynchronously (after Back, on launch),
   * so a screen seen once may still give way to another.
   */
  public String awaitSettledScreen() {
    var previous = new AtomicReference<List<String>>();
    boolean hasLoading = map.names().contains(LOADING);
    var wait = new WebDriverWait(session.driver(), config.timeouts().screen());
    try {
      return wait.ignoring(StaleElementReferenceException.class)
          .until(
              (Function<WebDriver, String>)
                  d -> {
                    StackWatch.check();
                    List<String> now = shownScreens();
                    boolean loading = hasLoading && isShown(LOADING);
                    List<String> before = previous.getAndSet(now);
                    return !loading && now.size() == 1 && now.equals(before) ? now.get(0) : null;
                  });
    } catch (WebDriverException e) {
      StackWatch.checkAfterFailure();
      if (!(e instanceof TimeoutException)) {
        throw e;
      }
      throw new ScreenTimeoutException(
          "Timed out after "
              + config.timeouts().screen().toSeconds()
              + "s waiting for the app to settle on one screen in the "
              + session.describe()
              + "; it showed "
              + describeShown()
              + ".");
    }
  }

  private List<String> shownScreens() {
    return map.names().stream()
        .filter(n -> n.endsWith(".screen"))
        .filter(n -> visible(n).isPresent())
        .map(n -> n.substring(0, n.length() - ".screen".length()))
        .toList();
  }

  /** Which screens and messages are shown right now, for failure messages. */
  public String describeShown() {
    List<String> screens = shownScreens();
    String shown =
        screens.isEmpty() ? "no known screen" : "the " + String.join(" + ", screens) + " screen";
    return shown
        + textIfShown("auth.error").map(t -> ", error '" + t + "'").orElse("")
        + textIfShown("auth.info").map(t -> ", notice '" + t + "'").orElse("");
  }

  private WebElement awaitVisible(String name, String what) {
    By locator = map.locator(name, session.platform());
    var timeouts = config.timeouts();
    var wait = new WebDriverWait(session.driver(), timeouts.screen(), timeouts.poll());
    try {
      return wait.ignoring(StaleElementReferenceException.class)
          .until(
              (Function<WebDriver, WebElement>)
                  d -> {
                    StackWatch.check();
                    return visible(locator).orElse(null);
                  });
    } catch (WebDriverException e) {
      // A dead Appium or stand-in is the cause, not the screen that did not show.
      StackWatch.checkAfterFailure();
      if (!(e instanceof TimeoutException)) {
        throw e;
      }
      throw new ScreenTimeoutException(
          "Timed out after "
              + config.timeouts().screen().toSeconds()
              + "s waiting for "
              + what
              + " ("
              + map.describe(name)
              + ") in the "
              + session.describe()
              + "; it showed "
              + describeShown()
              + ".");
    }
  }

  private Optional<WebElement> visible(String name) {
    return visible(map.locator(name, session.platform()));
  }

  private Optional<WebElement> visible(By locator) {
    try {
      return session.driver().findElements(locator).stream()
          .filter(WebElement::isDisplayed)
          .findFirst();
    } catch (StaleElementReferenceException e) {
      return Optional.empty();
    }
  }
}
