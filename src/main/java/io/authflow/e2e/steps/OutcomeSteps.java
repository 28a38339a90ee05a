package io.authflow.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.report.Evidence;
import io.authflow.e2e.screens.AuthMessages;
import io.authflow.e2e.screens.DashboardScreen;
import io.authflow.e2e.screens.SettledApp;
import io.authflow.e2e.screens.SignInScreen;
import io.cucumber.java.en.Then;

/** What the user sees at the end of a journey: a screen, an error, a notice. */
public final class OutcomeSteps {
  private final CurrentUser user;
  private final AuthMessages messages;
  private final SignInScreen signIn;
  private final DashboardScreen dashboard;
  private final ExpectedMessages expectedMessages;
  private final Evidence evidence;
  private final SettledApp settled;

  public OutcomeSteps(
      CurrentUser user,
      AuthMessages messages,
      SignInScreen signIn,
      DashboardScreen dashboard,
      ExpectedMessages expectedMessages,
      Evidence evidence,
      SettledApp settled) {
    this.user = user;
    this.messages = messages;
    this.expectedMessages = expectedMessages;
    this.evidence = evidence;
    this.signIn = signIn;
    this.dashboard = dashboard;
    this.settled = settled;
  }

  @Then("they see the dashboard with their email")
  public void theySeeTheDashboardWithTheirEmail() {
    assertThat(dashboard.signedInEmail()).isEqualTo(user.get().email());
  }

  @Then("they see the sign-in screen")
  public void theySeeTheSignInScreen() {
    signIn.awaitShown();
  }

  @Then("they see the message for {message}")
  public void theySeeTheMessageFor(MessageIntent intent) {
    var expected = expectedMessages.of(intent);
    evidence.text("Expected message: " + intent.key(), expected.reason());
    assertThat(messages.awaitError()).as(expected.reason()).isEqualTo(expected.text());
  }

  @Then("they are told their password was changed")
  public void theyAreToldTheirPasswordWasChanged() {
    signIn.awaitShown();
    assertThat(messages.awaitNotice()).containsIgnoringCase("password changed");
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
}
