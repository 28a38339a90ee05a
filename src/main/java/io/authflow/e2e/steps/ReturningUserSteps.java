package io.authflow.e2e.steps;

import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.screens.DashboardScreen;
import io.authflow.e2e.screens.SignInScreen;
import io.authflow.e2e.users.TestUsers;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.util.Locale;

/** Returning users: seeded through the admin API, signing in, staying signed in, signing out. */
public final class ReturningUserSteps {
  private final AppSession app;
  private final TestUsers users;
  private final CurrentUser user;
  private final SignInScreen signIn;
  private final DashboardScreen dashboard;
  private final SessionExpiry sessions;
  private final SignInChallenges challenges;

  public ReturningUserSteps(
      AppSession app,
      TestUsers users,
      CurrentUser user,
      SignInScreen signIn,
      DashboardScreen dashboard,
      SessionExpiry sessions,
      SignInChallenges challenges) {
    this.app = app;
    this.users = users;
    this.user = user;
    this.signIn = signIn;
    this.dashboard = dashboard;
    this.sessions = sessions;
    this.challenges = challenges;
  }

  @Given("a returning user with a confirmed account")
  public void aReturningUser() {
    user.set(users.createConfirmed());
    app.launch();
  }

  @Given("a returning user who is signed in")
  public void aReturningUserWhoIsSignedIn() {
    aReturningUser();
    theySignIn();
    challenges.completeToDashboard();
    sessions.signedIn();
  }

  @Given("a visitor who never signed up")
  public void aVisitorWhoNeverSignedUp() {
    user.set(users.newUser());
    app.launch();
  }

  @When("they sign in with their email and password")
  public void theySignIn() {
    signIn.signIn(user.get().email(), user.get().password());
  }

  @When("they open the app again and sign in with their email and password")
  public void theyReopenAndSignIn() {
    app.relaunch();
    theySignIn();
  }

  @When("they sign in with their email typed in capitals and their password")
  public void theySignInWithTheirEmailInCapitals() {
    signIn.signIn(user.get().email().toUpperCase(Locale.ROOT), user.get().password());
  }

  @When("they sign in with a wrong password")
  public void theySignInWithAWrongPassword() {
    signIn.signIn(user.get().email(), users.newPassword());
  }

  @When("they close and reopen the app")
  public void theyCloseAndReopenTheApp() {
    app.relaunch();
  }

  @When("they sign out")
  public void theySignOut() {
    dashboard.signOut();
  }
}
