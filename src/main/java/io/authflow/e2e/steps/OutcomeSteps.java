package io.authflow.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.report.Evidence;
import io.authflow.e2e.screens.AppMessages;
import io.authflow.e2e.screens.AuthMessages;
import io.authflow.e2e.screens.DashboardScreen;
import io.authflow.e2e.screens.SettledApp;
import io.authflow.e2e.screens.SignInScreen;
import io.cucumber.java.en.Then;
import java.util.List;

/**
 * What the user sees at the end of a journey: a screen, an error, a notice. Messages are named by
 * intent; the words come from the app profile (Cognito's unless it says otherwise), and the step
 * shows in the report the words expected and the words seen.
 */
public final class OutcomeSteps {
  private static final String PASSWORD_CHANGED = "passwordChanged";

  private final CurrentUser user;
  private final AuthMessages messages;
  private final SignInScreen signIn;
  private final DashboardScreen dashboard;
  private final ExpectedMessages expectedMessages;
  private final AppMessages appMessages;
  private final Evidence evidence;
  private final SettledApp settled;
  private final SignInChallenges challenges;

  public OutcomeSteps(
      CurrentUser user,
      AuthMessages messages,
      SignInScreen signIn,
      DashboardScreen dashboard,
      ExpectedMessages expectedMessages,
      AppMessages appMessages,
      Evidence evidence,
      SettledApp settled,
      SignInChallenges challenges) {
    this.user = user;
    this.messages = messages;
    this.expectedMessages = expectedMessages;
    this.appMessages = appMessages;
    this.evidence = evidence;
    this.signIn = signIn;
    this.dashboard = dashboard;
    this.settled = settled;
    this.challenges = challenges;
  }

  @Then("they see the dashboard with their email")
  public void theySeeTheDashboardWithTheirEmail() {
    // A pool with MFA asks for more on the way; the user answers it as they would.
    challenges.completeToDashboard();
    assertThat(dashboard.signedInEmail()).isEqualTo(user.get().email());
  }

  @Then("they see the sign-in screen")
  public void theySeeTheSignInScreen() {
    signIn.awaitShown();
  }

  @Then("they see the message for {message}")
  public void theySeeTheMessageFor(MessageIntent intent) {
    told(expectedMessages.of(intent));
  }

  @Then("they are told their password was changed")
  public void theyAreToldTheirPasswordWasChanged() {
    signIn.awaitShown();
    if (appMessages.showsNone(PASSWORD_CHANGED)) {
      evidence.text(
          "No notice expected: the app profile says the app shows none after a reset",
          "messages."
              + PASSWORD_CHANGED
              + " is null in the app profile; the sign-in screen shows.");
      return;
    }
    told(expectedMessages.of(new MessageIntent(PASSWORD_CHANGED)));
  }

  @Then("they stay on the sign-in screen")
  public void theyStayOnTheSignInScreen() {
    // After the submitted attempt's answer, so the screen is the app's decision on it.
    assertThat(messages.awaitError()).as("error of the refused attempt").isNotBlank();
    assertThat(settled.screen())
        .as("screen the app settled on after the refused attempt")
        .isEqualTo("signIn");
  }

  @Then("the dashboard is not shown")
  public void theDashboardIsNotShown() {
    assertThat(settled.screen()).as("screen the app settled on").isNotEqualTo("dashboard");
  }

  private void told(ExpectedMessages.Expected expected) {
    List<String> seen = messages.awaitMessage(expected.text());
    String shown = seen.isEmpty() ? "no message" : "'" + String.join("', '", seen) + "'";
    evidence.text(
        "Expected '" + expected.text() + "'; seen " + shown,
        expected.reason() + "\nseen: " + shown);
    assertThat(seen).as(expected.reason()).contains(expected.text());
  }
}
