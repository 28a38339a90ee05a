package io.authflow.e2e.screens;

/** Where a new user enters the one-time code that proves their email or mobile. */
public final class ConfirmSignUpScreen {
  static final LogicalName SCREEN = LogicalName.screen("confirmSignUp");
  static final LogicalName CODE = LogicalName.of("confirmSignUp.code");
  static final LogicalName SUBMIT = LogicalName.of("confirmSignUp.submit");
  static final LogicalName RESEND = LogicalName.of("confirmSignUp.resend");

  private final Ui ui;

  public ConfirmSignUpScreen(Ui ui) {
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

  public void requestNewCode() {
    awaitShown();
    ui.tap(RESEND);
  }
}
