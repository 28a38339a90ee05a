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
      switch (after.awaitNext()) {
        case DASHBOARD -> {
          return;
        }
        case SET_UP_AUTHENTICATOR_APP -> setUpAuthenticatorApp();
        case ENTER_CODE -> enterCode();
        case PICK_SECOND_FACTOR ->
            answered(Next.PICK_SECOND_FACTOR, () -> selectMfaType.choose(choice()));
      }
    }
    throw new AssertionError(
        "The sign-in asked for more " + MOST_STEPS + " times without reaching the dashboard.");
  }

  /** Adds the key the app shows to the user's authenticator app and enters its first code. */
  public void setUpAuthenticatorApp() {
    AuthenticatorApp app = new AuthenticatorApp(setupTotp.secret());
    factors.setUp(app);
    answered(Next.SET_UP_AUTHENTICATOR_APP, () -> setupTotp.confirm(app.nextCode()));
  }

  /** Enters the code of the user's second factor. */
  public void enterCode() {
    String code = codeOf(usersFactor());
    answered(Next.ENTER_CODE, () -> confirmSignIn.confirm(code));
  }

  /** Enters the code the pool sent by SMS or email (MFA, or sign-in without a password). */
  public void enterCodeSentBy(SecondFactor channel) {
    String code = codeOf(channel);
    answered(Next.ENTER_CODE, () -> confirmSignIn.confirm(code));
  }

  /** Enters a code no factor gave; the app's answer is for the scenario to check. */
  public void enterWrongCode(String code) {
    confirmSignIn.confirm(code);
    after.awaitAnswerTaken(Next.ENTER_CODE);
  }

  /**
   * Submits an answer and waits until the app took it (left the screen): the next look must not
   * find the same screen still busy with it. A right answer the app refuses fails here, with the
   * app's words.
   */
  private void answered(Next screen, Runnable answer) {
    answer.run();
    after
        .awaitAnswerTaken(screen)
        .ifPresent(
            error -> {
              throw new AssertionError(
                  "The app refused the answer on its " + screen + " screen: '" + error + "'.");
            });
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
