package io.authflow.e2e.screens;

import io.authflow.e2e.config.Platform;
import io.authflow.e2e.device.AppSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * Looks at the app: the first shown element of each of some locators, as WebDriver's Find Elements
 * and Is Element Displayed answer.
 *
 * <p>On the browser build one script does it for all the locators at once, with Selenium's own
 * displayedness atom (the one Is Element Displayed runs): one WebDriver command per look, where
 * Find Elements and Is Element Displayed took one plus one per element found, per locator. A wait
 * looks every 25 ms, so the commands saved are most of what the harness sent beyond a bare client.
 * Phones, and locators a script cannot evaluate, are looked at with the two commands. The screens'
 * waits look through it, and so does the doctor's first-screen check.
 */
public final class Looks {
  // Selenium's isDisplayed atom (bot.dom.isShown), as its W3C codec sends it to a driver.
  private static final String IS_SHOWN = atom("isDisplayed.js");
  private static final String FIRST_SHOWN =
      "var isShown = "
          + IS_SHOWN
          + ";\n"
          + "return arguments[0].map(function (locator) {\n"
          + "  var found = [];\n"
          + "  if (locator[0] === 'css selector') {\n"
          + "    found = Array.prototype.slice.call(document.querySelectorAll(locator[1]));\n"
          + "  } else {\n"
          + "    var all = document.evaluate(locator[1], document, null,"
          + " XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);\n"
          + "    for (var i = 0; i < all.snapshotLength; i++) found.push(all.snapshotItem(i));\n"
          + "  }\n"
          + "  for (var j = 0; j < found.length; j++) {\n"
          + "    if (found[j].nodeType === 1 && isShown(found[j])) return found[j];\n"
          + "  }\n"
          + "  return null;\n"
          + "});";

  private final AppSession session;

  public Looks(AppSession session) {
    this.session = session;
  }

  /** The first shown element of {@code locator}, if any. */
  Optional<WebElement> firstShown(By locator) {
    return firstShown(List.of(locator)).get(0);
  }

  /** For each of {@code locators}, its first shown element, if any. */
  public List<Optional<WebElement>> firstShown(List<By> locators) {
    List<List<String>> scripted = new ArrayList<>();
    for (By locator : locators) {
      Optional<List<String>> parameters = scriptable(locator);
      if (parameters.isEmpty()) {
        return locators.stream().map(this::byCommands).toList();
      }
      scripted.add(parameters.get());
    }
    Object answer = session.driver().executeScript(FIRST_SHOWN, scripted);
    return ((List<?>) answer).stream().map(e -> Optional.ofNullable((WebElement) e)).toList();
  }

  private Optional<List<String>> scriptable(By locator) {
    if (session.platform() != Platform.BROWSER || !(locator instanceof By.Remotable remotable)) {
      return Optional.empty();
    }
    By.Remotable.Parameters parameters = remotable.getRemoteParameters();
    String using = parameters.using();
    if (!using.equals("css selector") && !using.equals("xpath")) {
      return Optional.empty();
    }
    return Optional.of(List.of(using, String.valueOf(parameters.value())));
  }

  private Optional<WebElement> byCommands(By locator) {
    try {
      return session.driver().findElements(locator).stream()
          .filter(WebElement::isDisplayed)
          .findFirst();
    } catch (StaleElementReferenceException e) {
      return Optional.empty();
    }
  }

  private static String atom(String name) {
    try (InputStream in = RemoteWebDriver.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "Selenium's " + name + " atom is not on the classpath (selenium-remote-driver).");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
