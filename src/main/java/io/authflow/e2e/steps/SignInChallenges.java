package io.authflow.e2e.steps;

import io.authflow.e2e.screens.AfterSignIn;
import io.authflow.e2e.screens.AfterSignIn.Next;
import io.authflow.e2e.screens.ConfirmSignInScreen;
import io.authflow.e2e.screens.SelectMfaTypeScreen;
import io.authflow.e2e.screens.SelectMfaTypeScreen.Choice;
import io.authflow.e2e.screens.SetupTotpScreen;
import io.authflow.e2e.screens.Ui;
import io.authflow.e2e.userpool.SecondFactor;
import io.authflow.e2e.users.AuthenticatorApp;

/**
 * Completes a submitted sign-in wherever the pool asks for more before the dashboard, as the user
 * would: sets up an authenticator app with the key the app shows, enters the code of their second
 * factor (their authenticator app's, or the one sent by SMS or email), picks their factor when
 * asked to choose. On a pool without MFA the dashboard shows at once and nothing is answered.
 */
public final class SignInChallenges {
  // Set-up, then its code, then a choice: more than that is a loop, not a sign-in.
  private static final int MOST_STEPS = 4;

  private final AfterSignIn after;
  private final SetupTotpScreen setupTotp;
  private final ConfirmSignInScreen confirmSignIn;
  private final SelectMfaTypeScreen selectMfaType;
  private final SecondFactors factors;
  private final CurrentUser user;
  private final Codes codes;

  public SignInChallenges(Ui ui, SecondFactors factors, CurrentUser user, Codes codes) {
    this.after = new AfterSignIn(ui);
    this.setupTotp = new SetupTotpScreen(ui);
    this.confirmSignIn = new ConfirmSignInScreen(ui);
    this.selectMfaType = new SelectMfaTypeScreen(ui);
    this.factors = factors;
    this.user = user;
    this.codes = codes;
  }

  /** Answers what the pool asks until the dashboard shows. */
  public void completeToDashboard() {
    for (int step = 0; step < MOST_STEPS; step++) {
      Next next = after.awaitNext();
      switch (next) {
        case DASHBOARD -> {
          return;
        }
        case SET_UP_AUTHENTICATOR_APP -> setUpAuthenticatorApp();
        case ENTER_CODE -> enterCode();
        case PICK_SECOND_FACTOR -> selectMfaType.choose(choice());
      }
      after
          .awaitAnswerTaken(next)
          .ifPresent(
              error -> {
                throw new AssertionError(
                    "The app refused the answer to its " + next + " screen: '" + error + "'.");
              });
    }
    throw new AssertionError(
        "The sign-in asked for more " + MOST_STEPS + " times without reaching the dashboard.");
  }

  /** Adds the key the app shows to the user's authenticator app and enters its first code. */
  public void setUpAuthenticatorApp() {
    AuthenticatorApp app = new AuthenticatorApp(setupTotp.secret());
    factors.setUp(app);
    setupTotp.confirm(app.nextCode());
  }

  /** Enters the code of the user's second factor. */
  public void enterCode() {
    confirmSignIn.confirm(codeOf(usersFactor()));
  }

  /** Enters the code the pool sent by SMS or email (MFA, or sign-in without a password). */
  public void enterCodeSentBy(SecondFactor channel) {
    confirmSignIn.confirm(codeOf(channel));
  }

  private SecondFactor usersFactor() {
    return factors
        .factor()
        .orElseThrow(
            () ->
                new AssertionError(
                    "The app asks for a sign-in code, but "
                        + user.get().email()
                        + " has no second factor this scenario set up: the pool asked for one"
                        + " the scenario did not expect."));
  }

  private String codeOf(SecondFactor factor) {
    return switch (factor) {
      case AUTHENTICATOR_APP -> factors.app().nextCode();
      case SMS -> codes.awaitFor(user.get().phone());
      case EMAIL -> codes.awaitFor(user.get().email());
    };
  }

  private Choice choice() {
    return switch (factors.factor().orElse(SecondFactor.AUTHENTICATOR_APP)) {
      case AUTHENTICATOR_APP -> Choice.SOFTWARE_TOKEN_MFA;
      case SMS -> Choice.SMS_MFA;
      case EMAIL -> Choice.EMAIL_OTP;
    };
  }
}
