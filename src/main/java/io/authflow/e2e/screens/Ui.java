package io.authflow.e2e.screens;

import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.config.Platform;
import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.report.RunInterruption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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
  // Any text input of any platform, for naming the empty ones when a control is disabled.
  private static final By INPUTS =
      By.xpath(
          "//input | //textarea | //android.widget.EditText | //XCUIElementTypeTextField"
              + " | //XCUIElementTypeSecureTextField");
  // The app's "deciding what to show" indicator, if its screen map names one.
  private static final LogicalName LOADING = LogicalName.ifMapped("app.loading");
  // Messages some apps show next to a field instead of in the alert.
  static final LogicalName FIELD_ERROR = LogicalName.ifMapped("auth.fieldError");
  // The alert and the neutral notice, read for failure messages where the app has them.
  static final LogicalName ERROR = LogicalName.of("auth.error");
  // Before a tap: whether the control is one the user cannot use (a disabled form element, or
  // react-native-web's aria-disabled), then how many characters each field typed since holds.
  private static final String BEFORE_TAP =
      "var control = arguments[0];"
          + " return [control.matches(':disabled')"
          + " || control.getAttribute('aria-disabled') === 'true']"
          + ".concat(arguments[1].map(function (field) { return field.value.length; }));";
  static final LogicalName INFO = LogicalName.ifMapped("auth.info");
  private final AppSession session;
  private final AppProfile profile;
  private final ScreenMap map;
  private final HarnessConfig config;
  private final Looks looks;
  // Fields typed into on the browser build and not yet checked: checked before the next tap.
  private final List<Typed> typed = new ArrayList<>();

  public Ui(AppSession session, AppProfile profile, HarnessConfig config) {
    this.session = session;
    this.profile = profile;
    this.map = profile.screens();
    this.config = config;
    this.looks = new Looks(session);
  }

  public AppSession session() {
    return session;
  }

  public AppProfile profile() {
    return profile;
  }

  /** Whether the app profile locates this element, i.e. the app has it. */
  public boolean has(LogicalName name) {
    return map.has(name.name());
  }

  /** Waits until the screen whose root is {@code <screen>.screen} is shown. */
  public void awaitScreen(LogicalName screen) {
    awaitVisible(screen.name(), "the " + screen.screenName() + " screen");
  }

  /** Waits until one of the screens the profile maps shows, and returns it. */
  public LogicalName awaitOneOf(List<LogicalName> screens) {
    List<LogicalName> mapped = screens.stream().filter(this::has).toList();
    List<By> locators = mapped.stream().map(s -> locator(s.name())).toList();
    return await(
        "one of the screens "
            + String.join(", ", mapped.stream().map(LogicalName::screenName).toList()),
        d -> {
          List<Optional<WebElement>> shown = looks.firstShown(locators);
          for (int i = 0; i < mapped.size(); i++) {
            if (shown.get(i).isPresent()) {
              return mapped.get(i);
            }
          }
          return null;
        });
  }

  /**
   * Waits until {@code screen} is no longer shown, or the app shows an error (returned), after an
   * answer was submitted there.
   */
  public Optional<String> awaitLeftOrError(LogicalName screen) {
    List<By> locators =
        has(ERROR)
            ? List.of(locator(screen.name()), locator(ERROR.name()))
            : List.of(locator(screen.name()));
    return await(
        "the " + screen.screenName() + " screen to take the answer",
        d -> {
          List<Optional<WebElement>> shown = looks.firstShown(locators);
          Optional<String> error =
              shown.size() > 1
                  ? shown.get(1).map(WebElement::getText).filter(t -> !t.isBlank())
                  : Optional.empty();
          if (error.isPresent()) {
            return error;
          }
          return shown.get(0).isEmpty() ? Optional.<String>empty() : null;
        });
  }

  /** Taps a control; a disabled one fails at once, naming it and the form's empty fields. */
  public void tap(LogicalName logical) {
    WebElement control = awaitVisible(logical.name(), logical.name());
    if (disabled(control)) {
      throw notUsable(logical.name());
    }
    control.click();
  }

  /**
   * Submits a form with its button. When the app keeps the button disabled because it already
   * refused an entry next to a field (e.g. a password too short), the form is not sent and false is
   * returned; a button disabled for any other reason fails as {@link #tap} does.
   */
  public boolean submit(LogicalName name) {
    WebElement control = awaitVisible(name.name(), name.name());
    if (disabled(control)) {
      if (!fieldErrors().isEmpty()) {
        return false;
      }
      throw notUsable(name.name());
    }
    control.click();
    return true;
  }

  private ControlNotUsableException notUsable(String name) {
    return new ControlNotUsableException(
        name
            + " ("
            + map.describe(name)
            + ") is disabled, so tapping it would do nothing; "
            + emptyFields()
            + ". Fill what the app requires (declare an extra field in "
            + profile.file()
            + ").");
  }

  /**
   * Replaces the field's content with {@code text}. The apps' inputs are controlled components: a
   * WebDriver clear() empties the browser's input without telling React, which then puts the old
   * value back under the new keys; select-all and typing over it goes through the app's own input
   * events. On phones clear() sets the text through the platform, which the app does hear.
   */
  public void type(LogicalName logical, String text) {
    String name = logical.name();
    WebElement field = awaitVisible(name, name);
    if (session.platform() == Platform.BROWSER) {
      // Send Keys focuses the field first (W3C WebDriver), as a tap on it would.
      field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
      // Whether the field took the text is asked with the next tap's check, in the same command.
      typed.removeIf(t -> t.name().equals(name));
      typed.add(new Typed(name, field, text.length()));
    } else {
      field.clear();
      field.sendKeys(text);
    }
    session.hideKeyboard();
  }

  /** A field typed into on the browser build, and how many characters were typed. */
  private record Typed(String name, WebElement field, int length) {}

  /**
   * Waits until one of the elements shows {@code expected}, and returns every text they show at the
   * end; the caller compares, so a wrong message is reported with the words seen.
   */
  public List<String> awaitAnyText(List<LogicalName> names, String expected) {
    List<String> known = names.stream().map(LogicalName::name).filter(map::has).toList();
    try {
      return await(
          "'" + expected + "' in " + String.join(" or ", known),
          d -> {
            List<String> seen = texts(known);
            return seen.contains(expected) ? seen : null;
          });
    } catch (ScreenTimeoutException e) {
      return texts(known);
    }
  }

  private List<String> texts(List<String> names) {
    List<String> texts = new ArrayList<>();
    for (String name : names) {
      for (WebElement e : session.driver().findElements(map.locator(name, session.platform()))) {
        if (e.isDisplayed() && !e.getText().isBlank()) {
          texts.add(e.getText().strip());
        }
      }
    }
    return texts;
  }

  private List<String> fieldErrors() {
    return map.has(FIELD_ERROR.name()) ? texts(List.of(FIELD_ERROR.name())) : List.of();
  }

  /**
   * Whether the control is disabled. On the browser build the same command first reads how many
   * characters each field typed into since the last tap holds, and a field that did not take its
   * text as typed fails here, before the form is sent (compared by length: reading the value back
   * would put a typed password in Appium's log).
   */
  private boolean disabled(WebElement control) {
    if (session.platform() != Platform.BROWSER) {
      return !control.isEnabled();
    }
    // react-native-web renders a disabled Pressable as a div with aria-disabled, which WebDriver's
    // isEnabled() (form elements only) reports as enabled; the script asks both.
    List<Typed> checked = List.copyOf(typed);
    typed.clear();
    List<?> answer;
    try {
      answer =
          (List<?>)
              session
                  .driver()
                  .executeScript(BEFORE_TAP, control, checked.stream().map(Typed::field).toList());
    } catch (StaleElementReferenceException e) {
      // A field the app rendered anew since it was typed into: what it held is gone with it, and
      // the step's outcome tells whether the app kept the text.
      answer = (List<?>) session.driver().executeScript(BEFORE_TAP, control, List.of());
      checked = List.of();
    }
    for (int i = 0; i < checked.size(); i++) {
      Typed field = checked.get(i);
      long length = ((Number) answer.get(i + 1)).longValue();
      if (length != field.length()) {
        throw new ControlNotUsableException(
            "Typing "
                + field.length()
                + " characters into "
                + field.name()
                + " ("
                + map.describe(field.name())
                + ") left "
                + length
                + " characters in it; the field did not take the text as typed.");
      }
    }
    return Boolean.TRUE.equals(answer.get(0));
  }

  private String emptyFields() {
    List<String> empty = new ArrayList<>();
    for (WebElement input : session.driver().findElements(INPUTS)) {
      if (!input.isDisplayed()) {
        continue;
      }
      if (valueLength(input) == 0) {
        empty.add(describeInput(input));
      }
    }
    return empty.isEmpty()
        ? "no field is empty"
        : "empty field" + (empty.size() == 1 ? "" : "s") + ": " + String.join(", ", empty);
  }

  /** How many characters a field holds, without reading them (they may be a password). */
  private long valueLength(WebElement input) {
    if (session.platform() != Platform.BROWSER) {
      return input.getText().length();
    }
    Object length = session.driver().executeScript("return arguments[0].value.length", input);
    return length instanceof Number n ? n.longValue() : 0;
  }

  private String describeInput(WebElement input) {
    String testId =
        switch (session.platform()) {
          case BROWSER -> input.getDomAttribute("data-testid");
          case ANDROID -> input.getAttribute("resource-id");
          case IOS -> input.getAttribute("name");
        };
    if (testId == null || testId.isEmpty()) {
      String label = input.getDomAttribute("aria-label");
      return label == null ? "an unnamed field" : "the field labelled '" + label + "'";
    }
    return map.nameOf(testId)
        .map(n -> n + " (testID '" + testId + "')")
        .orElse("testID '" + testId + "'");
  }

  /** The text of an element once it is shown. */
  public String awaitText(LogicalName name) {
    return awaitVisible(name.name(), name.name()).getText();
  }

  /** The element's text if it is shown right now; for absence checks after a positive signal. */
  public Optional<String> textIfShown(LogicalName name) {
    return visible(name.name()).map(WebElement::getText);
  }

  /** Whether the element is shown right now; for absence checks after a positive signal. */
  public boolean isShown(LogicalName name) {
    return visible(name.name()).isPresent();
  }

  /**
   * Waits until the app has decided what to show and returns that screen's name: no loading
   * indicator (app.loading, where the app map has one), exactly one known screen, and the same one
   * on two looks in a row a poll apart. The app may route asynchronously (after Back, on launch),
   * so a screen seen once may still give way to another.
   */
  public String awaitSettledScreen() {
    var previous = new AtomicReference<List<String>>();
    List<String> screens = screenRoots();
    // The screens' roots and the loading indicator, in one look.
    List<By> locators = new ArrayList<>(screens.stream().map(this::locator).toList());
    boolean hasLoading = map.has(LOADING.name());
    if (hasLoading) {
      locators.add(locator(LOADING.name()));
    }
    return await(
        "the app to settle on one screen",
        d -> {
          List<Optional<WebElement>> shown = looks.firstShown(locators);
          List<String> now = shownOf(screens, shown);
          boolean loading = hasLoading && shown.get(screens.size()).isPresent();
          List<String> before = previous.getAndSet(now);
          return !loading && now.size() == 1 && now.equals(before) ? now.get(0) : null;
        });
  }

  private List<String> shownScreens() {
    List<String> screens = screenRoots();
    return shownOf(screens, looks.firstShown(screens.stream().map(this::locator).toList()));
  }

  private List<String> screenRoots() {
    return map.names().stream().filter(n -> n.endsWith(".screen")).toList();
  }

  /** The screens whose roots {@code shown} has, by their names (signIn for signIn.screen). */
  private static List<String> shownOf(List<String> roots, List<Optional<WebElement>> shown) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < roots.size(); i++) {
      if (shown.get(i).isPresent()) {
        String root = roots.get(i);
        names.add(root.substring(0, root.length() - ".screen".length()));
      }
    }
    return names;
  }

  /** Which screens and messages are shown right now, for failure messages. */
  public String describeShown() {
    List<String> screens = shownScreens();
    String shown =
        screens.isEmpty()
            ? "no known screen, at " + session.location()
            : "the " + String.join(" + ", screens) + " screen";
    List<String> fieldErrors = fieldErrors();
    return shown
        + shownText(ERROR).map(t -> ", error '" + t + "'").orElse("")
        + shownText(INFO).map(t -> ", notice '" + t + "'").orElse("")
        + (fieldErrors.isEmpty()
            ? ""
            : ", next to fields '" + String.join("', '", fieldErrors) + "'");
  }

  private Optional<String> shownText(LogicalName name) {
    return map.has(name.name()) ? textIfShown(name) : Optional.empty();
  }

  private WebElement awaitVisible(String name, String what) {
    By locator = locator(name);
    return await(
        what + " (" + map.describe(name) + ")", d -> looks.firstShown(locator).orElse(null));
  }

  /**
   * Looks every timeouts.poll, within timeouts.screen, until {@code look} answers; a local part
   * that stopped fails the wait at once with its own name.
   */
  private <T> T await(String awaited, Function<WebDriver, T> look) {
    var timeouts = config.timeouts();
    try {
      return new WebDriverWait(session.driver(), timeouts.screen(), timeouts.poll())
          .ignoring(StaleElementReferenceException.class)
          .until(
              d -> {
                RunInterruption.check("a step was waiting for the app");
                session.watch().check();
                return look.apply(d);
              });
    } catch (WebDriverException e) {
      // A dead Appium or stand-in is the cause, not the screen that did not show.
      session.watch().checkAfterFailure();
      if (!(e instanceof TimeoutException)) {
        throw e;
      }
      // So is an app that never reached its backend.
      session.requireBackendReached(awaited);
      throw new ScreenTimeoutException(
          "Timed out after "
              + timeouts.screen().toSeconds()
              + "s waiting for "
              + awaited
              + " in the "
              + session.describe()
              + "; it showed "
              + describeShown()
              + ".");
    }
  }

  private Optional<WebElement> visible(String name) {
    return looks.firstShown(locator(name));
  }

  private By locator(String name) {
    return map.locator(name, session.platform());
  }
}
