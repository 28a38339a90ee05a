package io.authflow.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.screens.ConfirmSignUpScreen;
import io.authflow.e2e.screens.DashboardScreen;
import io.authflow.e2e.screens.SignInScreen;
import io.authflow.e2e.screens.SignUpScreen;
import io.authflow.e2e.userpool.PoolUser;
import io.authflow.e2e.userpool.UserPool;
import io.authflow.e2e.users.TestUsers;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** A new user: sign-up, the confirmation code, and the account it leaves in the pool. */
public final class NewUserSteps {
  private final AppSession app;
  private final TestUsers users;
  private final CurrentUser user;
  private final Codes codes;
  private final SignInScreen signIn;
  private final SignUpScreen signUp;
  private final ConfirmSignUpScreen confirmSignUp;
  private final DashboardScreen dashboard;
  private final UserPool pool;

  public NewUserSteps(
      AppSession app,
      TestUsers users,
      CurrentUser user,
      Codes codes,
      SignInScreen signIn,
      SignUpScreen signUp,
      ConfirmSignUpScreen confirmSignUp,
      DashboardScreen dashboard,
      UserPool pool) {
    this.app = app;
    this.users = users;
    this.user = user;
    this.codes = codes;
    this.signIn = signIn;
    this.signUp = signUp;
    this.confirmSignUp = confirmSignUp;
    this.dashboard = dashboard;
    this.pool = pool;
  }

  @Given("a new visitor opens the app")
  public void aNewVisitorOpensTheApp() {
    user.set(users.newUser());
    app.launch();
  }

  @When("they sign up with their email and a valid password")
  public void theySignUp() {
    signIn.goToSignUp();
    codes.expectNew();
    signUp.signUp(user.get());
  }

  @When("they enter the confirmation code from their email")
  public void theyEnterTheCodeFromTheirEmail() {
    confirmSignUp.confirm(codes.awaitFor(user.get().email()));
  }

  @Then("they see the dashboard with their email")
  public void theySeeTheDashboardWithTheirEmail() {
    assertThat(dashboard.signedInEmail()).isEqualTo(user.get().email());
  }

  @Then("the user pool shows their account as confirmed with a verified email")
  public void thePoolShowsThemConfirmedWithAVerifiedEmail() {
    PoolUser account = pool.find(user.get().email()).orElseThrow(() -> new AssertionError("The user pool has no user " + user.get().email()));
    assertThat(account.status()).as("status of %s in the pool", account.email()).isEqualTo("CONFIRMED");
    assertThat(account.attributes()).as("attributes of %s in the pool", account.email()).containsEntry("email_verified", "true");
  }
}
