package io.authflow.e2e.steps;

import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.report.Evidence;
import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;

/** The run's start and end, and what every scenario gets: evidence on failure. */
public final class Hooks {
  private final AppSession app;
  private final Evidence evidence;

  public Hooks(AppSession app, Evidence evidence) {
    this.app = app;
    this.evidence = evidence;
  }

  @BeforeAll
  public static void startRun() {
    TestRun.start();
  }

  @AfterAll
  public static void endRun() {
    TestRun.stop();
  }

  @Before(order = 0)
  public void bindEvidence(Scenario scenario) {
    evidence.bind(scenario);
  }

  /** Before the session ends in AppSession.dispose(), which runs after every hook. */
  @After
  public void evidenceOnFailure(Scenario scenario) {
    if (scenario.isFailed()) {
      app.screenshot().ifPresent(png -> evidence.png("Screenshot at failure", png));
      app.pageSource().ifPresent(source -> evidence.xml("Page source at failure", source));
    }
  }
}
