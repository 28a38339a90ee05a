package io.authflow.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.report.Evidence;
import io.authflow.e2e.report.RunInterruption;
import io.authflow.e2e.screens.SettledApp;
import io.authflow.e2e.userpool.UserPool;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/**
 * A signed-in session over time: it expires and is renewed, it is ended everywhere, the account
 * behind it is disabled or deleted; on this device and on the user's other device. What ends a
 * session goes through the pool's admin API: none of the apps offers a sign-out everywhere of its
 * own (the stock Authenticator has only a plain sign-out), and disabling or deleting an account is
 * an admin's act.
 */
public final class SessionSteps {
  private final AppSession app;
  private final OtherDevice other;
  private final CurrentUser user;
  private final UserPool pool;
  private final SessionExpiry expiry;
  private final SettledApp settled;
  private final Evidence evidence;

  public SessionSteps(
      AppSession app,
      OtherDevice other,
      CurrentUser user,
      UserPool pool,
      SessionExpiry expiry,
      SettledApp settled,
      Evidence evidence) {
    this.app = app;
    this.other = other;
    this.user = user;
    this.pool = pool;
    this.expiry = expiry;
    this.settled = settled;
    this.evidence = evidence;
  }

  /** Before any user or device is made: such a scenario cannot apply to a long-lived pool. */
  @Before(value = "@session-expiry", order = 1)
  public void sessionsCanExpireWithinTheRun() {
    expiry.requireApplies();
  }

  /** Before the first device's end (order 2) and the cleanup (order 1). */
  @After(order = 3)
  public void endOtherDevice(Scenario scenario) {
    if (scenario.isFailed() && !RunInterruption.interrupted()) {
      other.screenshot().ifPresent(png -> evidence.png("Other device: screenshot at failure", png));
    }
    other.dispose();
  }

  @Given("they are signed in on their other device too")
  public void theyAreSignedInOnTheirOtherDevice() {
    other.signIn(user.get());
    expiry.signedIn();
  }

  @When("they close the app")
  public void theyCloseTheApp() {
    app.close();
  }

  @When("their session expires")
  public void theirSessionExpires() {
    expiry.await();
  }

  @When("they open the app again")
  public void theyOpenTheAppAgain() {
    app.relaunch();
  }

  @When("they open the app again on their other device")
  public void theyOpenTheAppAgainOnTheirOtherDevice() {
    other.reopen();
  }

  /** As Amplify's signOut({ global: true }) would through GlobalSignOut, had the app a button. */
  @When("they sign out everywhere")
  public void theySignOutEverywhere() {
    pool.signOutEverywhere(user.get().email());
  }

  @When("their account is disabled by an admin")
  public void theirAccountIsDisabled() {
    pool.disable(user.get().email());
  }

  @When("their account is deleted by an admin")
  public void theirAccountIsDeleted() {
    pool.delete(user.get().email());
  }

  @Then("they are asked to sign in again")
  public void theyAreAskedToSignInAgain() {
    assertThat(settled.screen()).as("screen the reopened app settled on").isEqualTo("signIn");
  }

  @Then("they are asked to sign in again on their other device")
  public void theyAreAskedToSignInAgainOnTheirOtherDevice() {
    assertThat(other.settledScreen())
        .as("screen the reopened app on their other device settled on")
        .isEqualTo("signIn");
  }

  @Then("they see the dashboard with their email on their other device")
  public void theySeeTheDashboardOnTheirOtherDevice() {
    assertThat(other.signedInEmail()).isEqualTo(user.get().email());
  }
}
