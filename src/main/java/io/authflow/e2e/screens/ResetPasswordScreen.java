package io.authflow.e2e.screens;

import java.util.function.Supplier;

/** Where the reset code and the new password are entered. */
public final class ResetPasswordScreen {
  static final LogicalName SCREEN = LogicalName.screen("resetPassword");
  static final LogicalName CODE = LogicalName.of("resetPassword.code");
  static final LogicalName NEW_PASSWORD = LogicalName.of("resetPassword.newPassword");
  static final LogicalName CONFIRM_PASSWORD = LogicalName.ifMapped("resetPassword.confirmPassword");
  static final LogicalName SUBMIT = LogicalName.of("resetPassword.submit");

  private final Ui ui;

  public ResetPasswordScreen(Ui ui) {
    this.ui = ui;
  }

  public void awaitShown() {
    ui.awaitScreen(SCREEN);
  }

  /** The reset went through: the app is back on sign-in, waiting for the new password. */
  public void awaitDone() {
    ui.awaitScreen(SignInScreen.SCREEN);
  }

  /** Enters the code, read once the screen shows (as {@link ConfirmSignUpScreen#confirm}). */
  public void reset(Supplier<String> code, String newPassword) {
    awaitShown();
    ui.type(CODE, code.get());
    ui.type(NEW_PASSWORD, newPassword);
    if (ui.has(CONFIRM_PASSWORD)) {
      ui.type(CONFIRM_PASSWORD, newPassword);
    }
    ui.submit(SUBMIT);
  }
}
