package io.authflow.e2e.steps;

import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.screens.SignInScreen;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;

/** The auth wall: direct links and the Back button while signed out. */
public final class AccessSteps {
  private final AppSession app;
  private final SignInScreen signIn;

  public AccessSteps(AppSession app, SignInScreen signIn) {
    this.app = app;
    this.signIn = signIn;
  }

  @Given("a visitor who is not signed in")
  public void aVisitorWhoIsNotSignedIn() {
    app.launch();
    signIn.awaitShown();
  }

  @When("they open the dashboard through a direct link")
  public void theyOpenTheDashboardDirectly() {
    app.openLink("/dashboard");
  }

  @When("they go back")
  public void theyGoBack() {
    signIn.awaitShown();
    app.back();
  }
}
