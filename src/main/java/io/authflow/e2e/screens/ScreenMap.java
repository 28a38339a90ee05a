package io.authflow.e2e.screens;

import com.fasterxml.jackson.databind.JsonNode;
import io.appium.java_client.AppiumBy;
import io.authflow.e2e.config.AppProfileFile;
import io.authflow.e2e.config.ConfigException;
import io.authflow.e2e.config.Platform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.By;

/**
 * Logical element names to locators, from {@code config/apps/<app>.yaml}. A plain value is a
 * testID, located the way each platform publishes it (Android resource-id, iOS accessibility id,
 * browser {@code data-testid}); a mapping gives per-platform locators as {@code strategy:value}.
 * Locators are named {@code <screen>.<element>}; keys without a dot are the profile's other
 * sections: {@code messages} ({@link AppMessages}) and those of {@link AppProfile}.
 */
public final class ScreenMap {
  private final Path file;
  private final Map<String, JsonNode> entries;

  private ScreenMap(Path file, Map<String, JsonNode> entries) {
    this.file = file;
    this.entries = entries;
  }

  public static ScreenMap load(Path file) {
    return of(AppProfileFile.read(file));
  }

  static ScreenMap of(AppProfileFile profile) {
    Path file = profile.file();
    if (!profile.exists()) {
      throw new ConfigException(
          "There is no screen map " + file + "; app.name selects config/apps/<name>.yaml.");
    }
    JsonNode root = profile.root();
    Map<String, JsonNode> entries = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    root.fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().contains(".")) {
                return; // a section (e.g. messages), not a locator
              }
              if (!e.getValue().isTextual() && !e.getValue().isObject()) {
                problems.add(
                    file
                        + ": "
                        + e.getKey()
                        + " must be a testID or a mapping of platforms to locators.");
              }
              entries.put(e.getKey(), e.getValue());
            });
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new ScreenMap(file, Collections.unmodifiableMap(entries));
  }

  public By locator(String name, Platform platform) {
    JsonNode entry = entries.get(name);
    if (entry == null) {
      throw new ConfigException(
          file + " has no entry '" + name + "'; add it (logical name: testID).");
    }
    if (entry.isTextual()) {
      return byTestId(entry.asText(), platform);
    }
    JsonNode specific = entry.get(platform.name().toLowerCase(Locale.ROOT));
    if (specific == null) {
      throw new ConfigException(
          file
              + ": "
              + name
              + " has no locator for "
              + platform.name().toLowerCase(Locale.ROOT)
              + ".");
    }
    return byStrategy(name, specific.asText());
  }

  /** The testID the entry names, or the locator text, for messages. */
  public String describe(String name) {
    JsonNode entry = entries.get(name);
    return entry == null
        ? name
        : entry.isTextual() ? "testID '" + entry.asText() + "'" : entry.toString();
  }

  /** The logical name whose plain testID is {@code testId}, if the map has one. */
  public java.util.Optional<String> nameOf(String testId) {
    return entries.entrySet().stream()
        .filter(e -> e.getValue().isTextual() && e.getValue().asText().equals(testId))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  public boolean has(String name) {
    return entries.containsKey(name);
  }

  public List<String> names() {
    return List.copyOf(entries.keySet());
  }

  static By byTestId(String testId, Platform platform) {
    return switch (platform) {
      case BROWSER -> By.cssSelector("[data-testid=\"" + testId + "\"]");
      case ANDROID ->
          AppiumBy.androidUIAutomator("new UiSelector().resourceId(\"" + testId + "\")");
      case IOS -> AppiumBy.accessibilityId(testId);
    };
  }

  private By byStrategy(String name, String locator) {
    int colon = locator.indexOf(':');
    String strategy = colon < 0 ? "" : locator.substring(0, colon);
    String value = locator.substring(colon + 1);
    return switch (strategy) {
      case "id" -> AppiumBy.id(value);
      case "accessibility id" -> AppiumBy.accessibilityId(value);
      case "css" -> By.cssSelector(value);
      case "xpath" -> By.xpath(value);
      case "uiautomator" -> AppiumBy.androidUIAutomator(value);
      case "predicate" -> AppiumBy.iOSNsPredicateString(value);
      default ->
          throw new ConfigException(
              file
                  + ": "
                  + name
                  + " locator '"
                  + locator
                  + "' needs a strategy: id:, accessibility id:, css:, xpath:, uiautomator: or predicate:.");
    };
  }
}
