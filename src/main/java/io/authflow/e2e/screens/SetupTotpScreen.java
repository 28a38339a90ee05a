package io.authflow.e2e.screens;

/**
 * Where a user without a second factor sets up an authenticator app at sign-in, on a pool that
 * requires MFA: the app shows the key to add to the authenticator app, and takes its first code.
 */
public final class SetupTotpScreen {
  static final LogicalName SCREEN = LogicalName.ifMapped("setupTotp.screen");
  static final LogicalName SECRET = LogicalName.ifMapped("setupTotp.secret");
  static final LogicalName CODE = LogicalName.ifMapped("setupTotp.code");
  static final LogicalName SUBMIT = LogicalName.ifMapped("setupTotp.submit");

  private final Ui ui;

  public SetupTotpScreen(Ui ui) {
    this.ui = ui;
  }

  public void awaitShown() {
    ui.awaitScreen(SCREEN);
  }

  /** The key the app shows for the authenticator app (base32). */
  public String secret() {
    awaitShown();
    return ui.awaitText(SECRET).strip();
  }

  public void confirm(String code) {
    awaitShown();
    ui.type(CODE, code);
    ui.tap(SUBMIT);
  }
}
