package io.authflow.e2e.screens;

/**
 * Where a user with several second factors and none preferred picks the one for this sign-in
 * (Cognito's SELECT_MFA_TYPE).
 */
public final class SelectMfaTypeScreen {
  static final LogicalName SCREEN = LogicalName.ifMapped("selectMfaType.screen");
  static final LogicalName AUTHENTICATOR_APP = LogicalName.ifMapped("selectMfaType.totp");
  static final LogicalName SMS = LogicalName.ifMapped("selectMfaType.sms");
  static final LogicalName EMAIL = LogicalName.ifMapped("selectMfaType.email");
  static final LogicalName SUBMIT = LogicalName.ifMapped("selectMfaType.submit");

  /** The choices, as Cognito names their challenges. */
  public enum Choice {
    SOFTWARE_TOKEN_MFA(AUTHENTICATOR_APP),
    SMS_MFA(SMS),
    EMAIL_OTP(EMAIL);

    private final LogicalName option;

    Choice(LogicalName option) {
      this.option = option;
    }
  }

  private final Ui ui;

  public SelectMfaTypeScreen(Ui ui) {
    this.ui = ui;
  }

  public void choose(Choice choice) {
    ui.awaitScreen(SCREEN);
    ui.tap(choice.option);
    ui.tap(SUBMIT);
  }
}
