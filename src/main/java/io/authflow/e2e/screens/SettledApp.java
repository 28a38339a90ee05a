package io.authflow.e2e.screens;

/**
 * The app once it has decided what to show: for absence checks ("the dashboard is not shown"),
 * which mean something only after the app's own routing is done.
 */
public final class SettledApp {
  private final Ui ui;

  public SettledApp(Ui ui) {
    this.ui = ui;
  }

  /** The name of the one screen the app settles on (e.g. "signIn", "dashboard"). */
  public String screen() {
    return ui.awaitSettledScreen();
  }
}
