package io.authflow.e2e.screens;

/** Where a new user enters the one-time code that proves their email or mobile. */
public final class ConfirmSignUpScreen {
  private final Ui ui;

  public ConfirmSignUpScreen(Ui ui) {
    this.ui = ui;
  }

  public void awaitShown() {
    ui.awaitScreen("confirmSignUp");
  }

  public void confirm(String code) {
    awaitShown();
    ui.type("confirmSignUp.code", code);
    ui.tap("confirmSignUp.submit");
  }

  public void requestNewCode() {
    awaitShown();
    ui.tap("confirmSignUp.resend");
  }
}
