package io.authflow.e2e.steps;

import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.report.Evidence;
import io.authflow.e2e.report.NotApplicable;
import io.authflow.e2e.screens.SetupTotpScreen;
import io.authflow.e2e.userpool.SecondFactor;
import io.authflow.e2e.userpool.SignInFactors;
import io.authflow.e2e.userpool.UserPool;
import io.authflow.e2e.users.TestUsers;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/**
 * Sign-in with a second factor (MFA): users seeded with one through the admin API, the set-up of an
 * authenticator app at a first sign-in, and the codes entered. Each Given first asks the pool
 * whether it offers that factor; where it does not, the scenario does not apply, with the pool's
 * settings as the reason.
 */
public final class SecondFactorSteps {
  // A code of the right shape that no factor gave: six digits, as TOTP and SMS codes are.
  private static final String WRONG_CODE = "000000";

  private final AppSession app;
  private final UserPool pool;
  private final TestUsers users;
  private final CurrentUser user;
  private final SecondFactors factors;
  private final SignInChallenges challenges;
  private final SetupTotpScreen setupTotp;
  private final Evidence evidence;

  public SecondFactorSteps(
      AppSession app,
      UserPool pool,
      TestUsers users,
      CurrentUser user,
      SecondFactors factors,
      SignInChallenges challenges,
      SetupTotpScreen setupTotp,
      Evidence evidence) {
    this.app = app;
    this.pool = pool;
    this.users = users;
    this.user = user;
    this.factors = factors;
    this.challenges = challenges;
    this.setupTotp = setupTotp;
    this.evidence = evidence;
  }

  @Given("a new user with an account and no second factor, on a pool that requires one")
  public void aNewUserOnAPoolThatRequiresASecondFactor() {
    SignInFactors offered = pool.signInFactors();
    if (!offered.mfaRequired() || !offered.offers(SecondFactor.AUTHENTICATOR_APP)) {
      throw NotApplicable.because(
          evidence,
          offered.describeMfa()
              + ": Cognito asks a user without a second factor to set up an authenticator app"
              + " only when MFA is required (ON) with authenticator apps (TOTP) among its factors.");
    }
    user.set(users.createConfirmed());
    app.launch();
  }

  @Given("a returning user who set up an authenticator app")
  public void aReturningUserWithAnAuthenticatorApp() {
    requireOffered(SecondFactor.AUTHENTICATOR_APP, "authenticator apps (TOTP)");
    user.set(users.createConfirmed());
    factors.setUp(users.enrolAuthenticatorApp(user.get()));
    app.launch();
  }

  @Given("a returning user who gets their sign-in code by {codeChannel}")
  public void aReturningUserWithCodesBy(SecondFactor channel) {
    requireOffered(channel, channel == SecondFactor.SMS ? "codes by SMS" : "codes by email");
    user.set(users.turnOnCodesBy(users.createConfirmed(), channel));
    factors.codesBy(channel);
    app.launch();
  }

  @Then("they are asked to set up an authenticator app")
  public void theyAreAskedToSetUpAnAuthenticatorApp() {
    setupTotp.awaitShown();
  }

  @When("they add the key the app shows to their authenticator app and enter its code")
  public void theySetUpTheirAuthenticatorApp() {
    challenges.setUpAuthenticatorApp();
  }

  @When("they enter the code from their authenticator app")
  public void theyEnterTheCodeFromTheirAuthenticatorApp() {
    challenges.enterCode();
  }

  @When("they enter the sign-in code sent to their {codeChannel}")
  public void theyEnterTheCodeSentTo(SecondFactor channel) {
    challenges.enterCodeSentBy(channel);
  }

  @When("they enter a wrong sign-in code")
  public void theyEnterAWrongSignInCode() {
    challenges.enterWrongCode(WRONG_CODE);
  }

  private void requireOffered(SecondFactor factor, String words) {
    SignInFactors offered = pool.signInFactors();
    if (!offered.offers(factor)) {
      throw NotApplicable.because(
          evidence,
          offered.describeMfa()
              + ": users of this pool cannot sign in with "
              + words
              + " as their second factor. It applies to a pool with MFA OPTIONAL or ON that offers"
              + " them.");
    }
  }
}
