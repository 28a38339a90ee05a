package io.authflow.e2e.screens;

/** The main screen behind the auth wall. */
public final class DashboardScreen {
  private final Ui ui;

  public DashboardScreen(Ui ui) {
    this.ui = ui;
  }

  public void awaitShown() {
    ui.awaitScreen("dashboard");
  }

  public String signedInEmail() {
    awaitShown();
    return ui.awaitText("dashboard.userEmail");
  }

  /** Whether the dashboard shows right now; ask only after another screen has shown. */
  public boolean isShown() {
    return ui.isShown("dashboard.screen");
  }

  public void signOut() {
    awaitShown();
    ui.tap("dashboard.signOut");
  }
}
