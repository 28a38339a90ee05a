package io.authflow.e2e.screens;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a submitted sign-in leads: the dashboard, or one of the screens through which the pool asks
 * for more (set up an authenticator app, enter a code, pick a second factor). Only the screens the
 * app profile maps are looked for, so an app without MFA waits for its dashboard as before.
 */
public final class AfterSignIn {
  /** The screen a sign-in showed. */
  public enum Next {
    DASHBOARD,
    SET_UP_AUTHENTICATOR_APP,
    ENTER_CODE,
    PICK_SECOND_FACTOR
  }

  private static final Map<String, Next> BY_SCREEN =
      Map.of(
          DashboardScreen.SCREEN.name(), Next.DASHBOARD,
          SetupTotpScreen.SCREEN.name(), Next.SET_UP_AUTHENTICATOR_APP,
          ConfirmSignInScreen.SCREEN.name(), Next.ENTER_CODE,
          SelectMfaTypeScreen.SCREEN.name(), Next.PICK_SECOND_FACTOR);

  private final Ui ui;

  public AfterSignIn(Ui ui) {
    this.ui = ui;
  }

  /** Waits until the dashboard or a screen asking for more shows, and says which. */
  public Next awaitNext() {
    LogicalName shown =
        ui.awaitOneOf(
            List.of(
                DashboardScreen.SCREEN,
                SetupTotpScreen.SCREEN,
                ConfirmSignInScreen.SCREEN,
                SelectMfaTypeScreen.SCREEN));
    return BY_SCREEN.get(shown.name());
  }

  /**
   * After an answer was submitted on {@code answered}: waits until that screen gives way, or the
   * app shows an error there, which is returned.
   */
  public Optional<String> awaitAnswerTaken(Next answered) {
    LogicalName screen =
        switch (answered) {
          case DASHBOARD -> DashboardScreen.SCREEN;
          case SET_UP_AUTHENTICATOR_APP -> SetupTotpScreen.SCREEN;
          case ENTER_CODE -> ConfirmSignInScreen.SCREEN;
          case PICK_SECOND_FACTOR -> SelectMfaTypeScreen.SCREEN;
        };
    return ui.awaitLeftOrError(screen);
  }
}
