package io.authflow.e2e.steps;

import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.device.RunDevices;
import io.authflow.e2e.parts.StackWatch;
import io.authflow.e2e.screens.AppProfile;
import io.authflow.e2e.screens.DashboardScreen;
import io.authflow.e2e.screens.SettledApp;
import io.authflow.e2e.screens.SignInScreen;
import io.authflow.e2e.screens.Ui;
import io.authflow.e2e.users.TestUser;
import java.util.Optional;
import org.picocontainer.Disposable;

/**
 * "Their other device": a second app session of the scenario's user, with screens of its own. Like
 * the first, it starts on first use (its own device of target.udids, or its own browser) and ends
 * when the scenario does, pass or fail: {@link SessionSteps} ends it after taking its evidence, and
 * {@link #dispose()} is the backstop.
 */
public final class OtherDevice implements Disposable {
  private final AppSession session;
  private final SignInScreen signIn;
  private final DashboardScreen dashboard;
  private final SettledApp settled;
  private final SignInChallenges challenges;

  public OtherDevice(
      HarnessConfig config,
      RunDevices devices,
      StackWatch watch,
      AppProfile profile,
      SecondFactors factors,
      CurrentUser user,
      Codes codes) {
    this.session = new AppSession(config, devices, watch);
    Ui ui = new Ui(session, profile, config);
    this.signIn = new SignInScreen(ui);
    this.dashboard = new DashboardScreen(ui);
    this.settled = new SettledApp(ui);
    this.challenges = new SignInChallenges(ui, factors, user, codes);
  }

  /** Opens the app there and signs the user in, until the dashboard shows. */
  public void signIn(TestUser user) {
    session.launch();
    signIn.signIn(user.email(), user.password());
    challenges.completeToDashboard();
  }

  public void reopen() {
    session.relaunch();
  }

  public String signedInEmail() {
    return dashboard.signedInEmail();
  }

  /** The screen the app there settles on. */
  public String settledScreen() {
    return settled.screen();
  }

  public void keepAwake() {
    session.keepAwake();
  }

  public boolean started() {
    return session.started();
  }

  public Optional<byte[]> screenshot() {
    return session.screenshot();
  }

  @Override
  public void dispose() {
    session.dispose();
  }
}
