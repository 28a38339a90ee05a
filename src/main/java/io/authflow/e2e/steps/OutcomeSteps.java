package io.authflow.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.report.Evidence;
import io.authflow.e2e.screens.AppProfile;
import io.authflow.e2e.screens.AuthMessages;
import io.authflow.e2e.screens.DashboardScreen;
import io.authflow.e2e.screens.SignInScreen;
import io.authflow.e2e.users.PasswordFlaw;
import io.cucumber.java.en.Then;
import java.util.List;

/**
 * What the user sees at the end of a journey: a screen, an error, a notice. Messages are named by
 * intent; the words come from the app profile (Cognito's own unless the profile says otherwise),
 * and each such step shows in the report the words expected and the words seen.
 */
public final class OutcomeSteps {
  private final CurrentUser user;
  private final AppProfile profile;
  private final Evidence evidence;
  private final AuthMessages messages;
  private final SignInScreen signIn;
  private final DashboardScreen dashboard;

  public OutcomeSteps(
      CurrentUser user,
      AppProfile profile,
      Evidence evidence,
      AuthMessages messages,
      SignInScreen signIn,
      DashboardScreen dashboard) {
    this.user = user;
    this.profile = profile;
    this.evidence = evidence;
    this.messages = messages;
    this.signIn = signIn;
    this.dashboard = dashboard;
  }

  @Then("they see the dashboard with their email")
  public void theySeeTheDashboardWithTheirEmail() {
    assertThat(dashboard.signedInEmail()).isEqualTo(user.get().email());
  }

  @Then("they see the sign-in screen")
  public void theySeeTheSignInScreen() {
    signIn.awaitShown();
  }

  @Then("they are told {string}")
  public void theyAreTold(String error) {
    assertThat(messages.awaitError()).isEqualTo(error);
  }

  @Then("they are told the code is wrong")
  public void theyAreToldTheCodeIsWrong() {
    told("codeMismatch");
  }

  @Then("they are told the email already has an account")
  public void theyAreToldTheEmailIsTaken() {
    told("emailTaken");
  }

  @Then("they are told the email or password is incorrect")
  public void theyAreToldTheCredentialsAreWrong() {
    told("wrongPassword");
  }

  @Then("they are told the password {passwordFlaw}")
  public void theyAreToldThePassword(PasswordFlaw flaw) {
    told("signUp.password." + flaw.intent());
  }

  @Then("they are told the new password {passwordFlaw}")
  public void theyAreToldTheNewPassword(PasswordFlaw flaw) {
    told("resetPassword.password." + flaw.intent());
  }

  @Then("they are told their password was changed")
  public void theyAreToldTheirPasswordWasChanged() {
    signIn.awaitShown();
    if (profile.words("passwordChanged").isEmpty()) {
      evidence.text(
          "No notice expected: " + profile.file().getFileName() + " says the app shows none",
          "After a reset the app returns to sign-in without a notice (messages.passwordChanged:"
              + " null in "
              + profile.file()
              + "); the sign-in screen is what it shows.");
      return;
    }
    told("passwordChanged");
  }

  @Then("they stay on the sign-in screen")
  public void theyStayOnTheSignInScreen() {
    signIn.awaitShown();
    assertThat(dashboard.isShown()).as("dashboard shown").isFalse();
  }

  @Then("the dashboard is not shown")
  public void theDashboardIsNotShown() {
    signIn.awaitShown();
    assertThat(dashboard.isShown())
        .as("dashboard shown after the sign-in screen appeared")
        .isFalse();
  }

  private void told(String intent) {
    String expected =
        profile
            .words(intent)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        profile.file() + " says the app shows no message for " + intent));
    List<String> seen = messages.awaitMessage(expected);
    evidence.text(
        "Words expected: '" + expected + "'; seen: " + quoted(seen),
        "intent: "
            + intent
            + "\nexpected (from "
            + profile.file().getFileName()
            + "): "
            + expected
            + "\nseen: "
            + quoted(seen));
    assertThat(seen)
        .as("messages the app showed (expected the words for '%s')", intent)
        .contains(expected);
  }

  private static String quoted(List<String> texts) {
    return texts.isEmpty() ? "no message" : "'" + String.join("', '", texts) + "'";
  }
}
