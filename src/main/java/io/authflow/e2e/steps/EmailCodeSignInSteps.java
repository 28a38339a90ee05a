package io.authflow.e2e.steps;

import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.report.Evidence;
import io.authflow.e2e.report.NotApplicable;
import io.authflow.e2e.screens.AppProfile;
import io.authflow.e2e.screens.SignInScreen;
import io.authflow.e2e.userpool.SignInFactors;
import io.authflow.e2e.userpool.UserPool;
import io.authflow.e2e.users.TestUsers;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;

/**
 * Sign-in with a one-time code sent by email instead of a password (Cognito's choice-based
 * USER_AUTH flow with EMAIL_OTP). It applies where the pool allows it and the app offers it.
 */
public final class EmailCodeSignInSteps {
  private final AppSession app;
  private final AppProfile profile;
  private final UserPool pool;
  private final TestUsers users;
  private final CurrentUser user;
  private final SignInScreen signIn;
  private final Codes codes;
  private final Evidence evidence;

  public EmailCodeSignInSteps(
      AppSession app,
      AppProfile profile,
      UserPool pool,
      TestUsers users,
      CurrentUser user,
      SignInScreen signIn,
      Codes codes,
      Evidence evidence) {
    this.app = app;
    this.profile = profile;
    this.pool = pool;
    this.users = users;
    this.user = user;
    this.signIn = signIn;
    this.codes = codes;
    this.evidence = evidence;
  }

  @Given("a returning user on a pool that lets them sign in with a code sent to their email")
  public void aReturningUserOnAPoolWithEmailCodeSignIn() {
    SignInFactors offered = pool.signInFactors();
    if (!offered.emailCodeSignIn()) {
      throw NotApplicable.because(
          evidence,
          offered.describeFirstFactors()
              + ": signing in with a code by email needs EMAIL_OTP among the pool's first factors"
              + " and ALLOW_USER_AUTH among the client's flows (Amplify Gen 2's"
              + " loginWith.email.otpLogin).");
    }
    if (!signIn.offersEmailCode()) {
      throw NotApplicable.because(
          evidence,
          profile.file()
              + " maps no signIn.withEmailCode: the app offers no sign-in with a code sent by"
              + " email, so there is nothing to drive.");
    }
    user.set(users.createConfirmed());
    app.launch();
  }

  @When("they ask for a sign-in code by email instead of typing their password")
  public void theyAskForASignInCodeByEmail() {
    codes.expectNew();
    signIn.askForEmailCode(user.get().email());
  }
}
