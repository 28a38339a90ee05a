package io.authflow.e2e.steps;

import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.screens.AppProfile;
import io.authflow.e2e.screens.SignInScreen;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;

/** The auth wall: direct links and the Back button while signed out. */
public final class AccessSteps {
  private final AppSession app;
  private final AppProfile profile;
  private final SignInScreen signIn;

  public AccessSteps(AppSession app, AppProfile profile, SignInScreen signIn) {
    this.app = app;
    this.profile = profile;
    this.signIn = signIn;
  }

  @Given("a visitor who is not signed in")
  public void aVisitorWhoIsNotSignedIn() {
    app.launch();
    signIn.awaitShown();
  }

  @When("they open the dashboard through a direct link")
  public void theyOpenTheDashboardDirectly() {
    app.openLink(profile.link("dashboard"));
  }

  @When("they go back")
  public void theyGoBack() {
    signIn.awaitShown();
    app.back();
    if (!profile.keepsBrowserHistory()) {
      // The app keeps no history of its screens, so Back leaves it; the user comes back to it.
      if (app.appInFront()) {
        throw new IllegalStateException(
            "Back stayed in the app ("
                + app.location()
                + "), but "
                + profile.file()
                + " says it keeps no browser history (flow.browserHistory: false).");
      }
      app.returnToApp();
    }
  }
}
