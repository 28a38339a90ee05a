package io.authflow.e2e.screens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.device.RunDevices;
import io.authflow.e2e.local.LocalStack;
import io.authflow.e2e.local.ProjectCopies;
import io.authflow.e2e.parts.StackWatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;

/**
 * What screens do with a real app whose inputs are controlled components and whose button stays
 * disabled until the form is complete: Amplify UI's stock Authenticator, served by the local stack,
 * driven by the real Appium and Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UiTest {

  private Path root;
  private LocalStack stack;
  private HarnessConfig config;
  private AppSession session;
  private final RunDevices devices = new RunDevices();
  private StackWatch watch;
  private Ui ui;

  @BeforeAll
  void startTheLocalStackWithTheAuthenticatorApp() throws IOException {
    root = ProjectCopies.linked("authflow-ui-");
    stack = new LocalStack(root);
    HarnessConfig asked =
        new ConfigLoader(
                root.resolve("config"),
                Map.of("authflow.app.name", "amplify-authenticator"),
                Map.of())
            .load("local");
    config = asked.completedBy(stack.start(asked));
    watch = StackWatch.of(stack);
  }

  @BeforeEach
  void openTheSignUpForm() {
    session = new AppSession(config, devices, watch);
    ui = new Ui(session, AppProfile.of(config), config);
    session.launch();
    new SignInScreen(ui).goToSignUp();
    ui.awaitScreen(LogicalName.screen("signUp"));
  }

  @AfterEach
  void closeTheApp() {
    session.dispose();
  }

  @AfterAll
  void stopTheLocalStack() throws IOException {
    devices.closeAll();
    stack.close();
    ProjectCopies.delete(root);
  }

  @Test
  void aDisabledButtonFailsAtOnceNamingItAndTheEmptyFields() {
    ui.type(LogicalName.of("signUp.email"), "authflow-ui-1@authflow.test");
    ui.type(LogicalName.of("signUp.password"), "Aa1!aaaaaa");
    long start = System.nanoTime();

    var e =
        catchThrowableOfType(
            ControlNotUsableException.class, () -> ui.tap(LogicalName.of("signUp.submit")));

    assertThat((System.nanoTime() - start) / 1_000_000)
        .as("milliseconds until the failure")
        .isLessThan(config.timeouts().screen().toMillis() / 3);
    assertThat(e)
        .hasMessageContaining("signUp.submit (testID 'amplify__button') is disabled")
        .hasMessageContaining(
            "signUp.confirmPassword (testID 'authenticator__text-field__input-confirm_password')")
        .hasMessageNotContaining("signUp.email (");
  }

  @Test
  void typingReplacesWhatAControlledFieldHeld() {
    ui.type(LogicalName.of("signUp.email"), "authflow-ui-first@authflow.test");
    ui.type(LogicalName.of("signUp.email"), "authflow-ui-2@authflow.test");

    assertThat(
            session
                .driver()
                .findElement(ui.profile().screens().locator("signUp.email", session.platform()))
                .getDomProperty("value"))
        .isEqualTo("authflow-ui-2@authflow.test");
  }

  @Test
  void aFormTheAppRefusedNextToAFieldIsNotSentAndItsMessageIsRead() {
    ui.type(LogicalName.of("signUp.email"), "authflow-ui-3@authflow.test");
    ui.type(LogicalName.of("signUp.password"), "Aa1!");
    ui.type(LogicalName.of("signUp.confirmPassword"), "Aa1!");

    List<String> shown =
        ui.awaitAnyText(List.of(Ui.FIELD_ERROR), "Password must have at least 8 characters");
    boolean sent = ui.submit(LogicalName.of("signUp.submit"));

    assertThat(shown).contains("Password must have at least 8 characters");
    assertThat(sent).as("form sent").isFalse();
    assertThat(ui.describeShown()).contains("the signUp screen", "next to fields 'Password must");
  }

  @Test
  void aFieldThatDidNotTakeTheTextFailsAtTheNextTapBeforeTheFormIsSent() {
    String email = "authflow-ui-4@authflow.test";
    var field =
        session
            .driver()
            .findElement(ui.profile().screens().locator("signUp.email", session.platform()));
    // A field that keeps fewer characters than typed, as an app's own input limit would.
    session.driver().executeScript("arguments[0].setAttribute('maxlength', '5')", field);
    ui.type(LogicalName.of("signUp.email"), email);
    ui.type(LogicalName.of("signUp.password"), "Aa1!aaaaaa");
    ui.type(LogicalName.of("signUp.confirmPassword"), "Aa1!aaaaaa");

    var e =
        catchThrowableOfType(
            ControlNotUsableException.class, () -> ui.tap(LogicalName.of("signUp.submit")));

    assertThat(e)
        .hasMessage(
            "Typing "
                + email.length()
                + " characters into signUp.email (testID"
                + " 'authenticator__text-field__input-email') left 5 characters in it; the field"
                + " did not take the text as typed.");
    assertThat(ui.isShown(LogicalName.screen("signUp"))).as("still on the form").isTrue();
  }

  @Test
  void aLookSeesShownWhatWebDriverSeesDisplayed() {
    var driver = session.driver();
    var map = ui.profile().screens();
    // Hidden three ways WebDriver's displayedness knows: not rendered, invisible, transparent.
    driver.executeScript(
        "document.querySelector(arguments[0]).style.display = 'none';"
            + " document.querySelector(arguments[1]).style.visibility = 'hidden';"
            + " document.evaluate(arguments[2], document, null,"
            + " XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue.style.opacity = '0';",
        "[data-testid='authenticator__text-field__input-password']",
        "[data-testid='authenticator__text-field__input-confirm_password']",
        "//*[@role='button' and normalize-space()='Sign In']");

    Map<String, Boolean> looked = new TreeMap<>();
    Map<String, Boolean> webDriver = new TreeMap<>();
    for (String name : map.names()) {
      looked.put(name, ui.isShown(LogicalName.of(name)));
      webDriver.put(
          name,
          driver.findElements(map.locator(name, session.platform())).stream()
              .anyMatch(WebElement::isDisplayed));
    }

    assertThat(looked).isEqualTo(webDriver);
    assertThat(looked)
        .containsEntry("signUp.screen", true)
        .containsEntry("signUp.email", true)
        .containsEntry("signUp.password", false)
        .containsEntry("signUp.confirmPassword", false)
        .containsEntry("signUp.goToSignIn", false)
        .containsEntry("signIn.screen", false);
  }

  @Test
  void noKnownScreenNamesWhereTheAppIs() {
    session.driver().get("about:blank");

    assertThat(ui.describeShown()).isEqualTo("no known screen, at URL about:blank");
  }
}
