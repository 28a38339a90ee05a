package io.authflow.e2e.steps;

import io.authflow.e2e.screens.ForgotPasswordScreen;
import io.authflow.e2e.screens.ResetPasswordScreen;
import io.authflow.e2e.screens.SignInScreen;
import io.authflow.e2e.users.PasswordFlaw;
import io.authflow.e2e.users.TestUser;
import io.authflow.e2e.users.TestUsers;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;

/** A forgotten password: the reset code, the new password, and the old one. */
public final class PasswordResetSteps {
  private static final String WRONG_CODE = "000000";

  private final TestUsers users;
  private final CurrentUser user;
  private final Codes codes;
  private final SignInScreen signIn;
  private final ForgotPasswordScreen forgotPassword;
  private final ResetPasswordScreen resetPassword;
  private final ReturningUserSteps returningUser;
  private TestUser beforeReset;

  public PasswordResetSteps(
      TestUsers users,
      CurrentUser user,
      Codes codes,
      SignInScreen signIn,
      ForgotPasswordScreen forgotPassword,
      ResetPasswordScreen resetPassword,
      ReturningUserSteps returningUser) {
    this.users = users;
    this.user = user;
    this.codes = codes;
    this.signIn = signIn;
    this.forgotPassword = forgotPassword;
    this.resetPassword = resetPassword;
    this.returningUser = returningUser;
  }

  @Given("a returning user who has reset their forgotten password")
  public void aReturningUserWhoHasResetTheirPassword() {
    returningUser.aReturningUser();
    theyAskToReset();
    theyEnterTheResetCodeWithANewPassword();
    resetPassword.awaitDone();
  }

  @When("they ask to reset their forgotten password")
  public void theyAskToReset() {
    signIn.forgotPassword();
    codes.expectNew();
    forgotPassword.requestCode(user.get().email());
  }

  @When("they enter the reset code from their email and a new valid password")
  public void theyEnterTheResetCodeWithANewPassword() {
    beforeReset = user.get();
    user.set(user.get().withPassword(users.newPassword()));
    resetPassword.reset(() -> codes.awaitFor(user.get().email()), user.get().password());
  }

  @When("they enter a wrong reset code and a new valid password")
  public void theyEnterAWrongResetCode() {
    resetPassword.reset(() -> WRONG_CODE, users.newPassword());
  }

  @When("they enter the reset code from their email and a new password that {passwordFlaw}")
  public void theyEnterTheResetCodeWithABrokenPassword(PasswordFlaw flaw) {
    resetPassword.reset(() -> codes.awaitFor(user.get().email()), users.passwords().breaking(flaw));
  }

  @When("they sign in with their old password")
  public void theySignInWithTheirOldPassword() {
    signIn.signIn(beforeReset.email(), beforeReset.password());
  }
}
