package io.authflow.e2e.screens;

import java.util.function.Supplier;

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

  /**
   * Enters the code once the screen shows, reading it only then, as a user opens their mail on
   * seeing the screen: by then the pool has sent it, so an inbox that is polled finds it on its
   * first look.
   */
  public void confirm(Supplier<String> code) {
    awaitShown();
    ui.type(CODE, code.get());
    ui.tap(SUBMIT);
  }

  public void requestNewCode() {
    awaitShown();
    ui.tap(RESEND);
  }
}
