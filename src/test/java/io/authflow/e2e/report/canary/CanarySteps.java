package io.authflow.e2e.report.canary;

import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.screens.SignInScreen;
import io.authflow.e2e.steps.CurrentUser;
import io.authflow.e2e.users.TestUsers;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** The canary feature's own steps: a user whose password is the planted value, and a stop. */
public final class CanarySteps {
  static final String PASSWORD_VARIABLE = "CANARY_TYPED_VALUE";

  private final TestUsers users;
  private final CurrentUser user;
  private final AppSession app;
  private final SignInScreen signIn;

  public CanarySteps(TestUsers users, CurrentUser user, AppSession app, SignInScreen signIn) {
    this.users = users;
    this.user = user;
    this.app = app;
    this.signIn = signIn;
  }

  @Given("a new visitor with the canary password opens the app")
  public void aNewVisitorWithTheCanaryPassword() {
    String planted = System.getenv(PASSWORD_VARIABLE);
    if (planted == null || planted.isEmpty()) {
      throw new IllegalStateException(
          PASSWORD_VARIABLE + " is not set: SecretCanaryTest plants it.");
    }
    user.set(users.newUser().withPassword(planted));
    app.launch();
  }

  @When("they try to sign in with the canary password")
  public void theyTryToSignIn() {
    signIn.signIn(user.get().email(), user.get().password());
  }

  @Then("the canary stops here on purpose")
  public void stopOnPurpose() {
    throw new AssertionError(
        "The secret canary stops here on purpose, so failure evidence is written.");
  }
}
