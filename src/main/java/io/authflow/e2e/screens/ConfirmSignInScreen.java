package io.authflow.e2e.screens;

/**
 * Where a user enters the code that completes a sign-in: from their authenticator app, or sent by
 * SMS or email (MFA), or sent by email instead of a password. Apps without MFA or passwordless
 * sign-in need not map it.
 */
public final class ConfirmSignInScreen {
  static final LogicalName SCREEN = LogicalName.ifMapped("confirmSignIn.screen");
  static final LogicalName CODE = LogicalName.ifMapped("confirmSignIn.code");
  static final LogicalName SUBMIT = LogicalName.ifMapped("confirmSignIn.submit");

  private final Ui ui;

  public ConfirmSignInScreen(Ui ui) {
    this.ui = ui;
  }

  public void awaitShown() {
    ui.awaitScreen(SCREEN);
  }

  public void confirm(String code) {
    awaitShown();
    ui.type(CODE, code);
    ui.tap(SUBMIT);
  }
}
