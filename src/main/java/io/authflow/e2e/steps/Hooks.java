package io.authflow.e2e.steps;

import io.authflow.e2e.config.ConfigException;
import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.doctor.CheckResult;
import io.authflow.e2e.doctor.Checklist;
import io.authflow.e2e.doctor.Preflight;
import io.authflow.e2e.doctor.PreflightFailedException;
import io.authflow.e2e.doctor.PreflightReport;
import io.authflow.e2e.doctor.StartChecks;
import io.authflow.e2e.local.LocalStack;
import io.authflow.e2e.report.AllureResults;
import io.authflow.e2e.report.AppiumLogExcerpt;
import io.authflow.e2e.report.Evidence;
import io.authflow.e2e.report.KeepJudgedTrend;
import io.authflow.e2e.report.PoolSnapshot;
import io.authflow.e2e.report.RunEnvironment;
import io.authflow.e2e.report.RunInterruption;
import io.authflow.e2e.run.RunContext;
import io.authflow.e2e.userpool.UserPool;
import io.authflow.e2e.users.TestUser;
import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's start and end, and what every scenario gets: evidence on failure. The run starts with
 * the doctor's preflight, so a broken environment stops it before any scenario, with a checklist
 * saying what to fix (-Ddoctor.skip=true leaves it out).
 */
public final class Hooks {
  private static final Logger LOG = LoggerFactory.getLogger(Hooks.class);
  // Collected over the run's scenarios for Allure's environment.properties, written at its end.
  private static final RunEnvironment ENVIRONMENT = new RunEnvironment();
  static final Path APPIUM_LOG = Path.of("reports/local-stack/appium.log");

  private final AppSession app;
  private final Evidence evidence;
  private final HarnessConfig config;
  private final UserPool pool;
  private final CurrentUser user;

  public Hooks(
      AppSession app, Evidence evidence, HarnessConfig config, UserPool pool, CurrentUser user) {
    this.app = app;
    this.evidence = evidence;
    this.config = config;
    this.pool = pool;
    this.user = user;
  }

  @BeforeAll
  public static void startRun() {
    RunInterruption.listen(AllureResults.ofThisRun().directory());
    AllureResults.ofThisRun().writeCategories();
    HarnessConfig chosen;
    try {
      Optional<HarnessConfig> checkedAhead = TestRun.configAhead();
      chosen = checkedAhead.orElseGet(ConfigLoader::fromSystem);
      KeepJudgedTrend.name(AllureResults.ofThisRun(), chosen);
      if (checkedAhead.isEmpty()) {
        // Before the run goes on to the stack: a bad tag filter or an incomplete app profile
        // would otherwise fail every scenario, one stack trace each.
        StartChecks.ensure(chosen);
      }
    } catch (ConfigException e) {
      // Reported like a failed preflight: one entry per problem, not an empty report.
      PreflightReport.ofThisRun()
          .write(
              new Checklist(
                  System.getProperty("env", "local"),
                  e.problems().stream().map(p -> CheckResult.fail("Config valid", p, "")).toList(),
                  Duration.ZERO));
      throw e;
    }
    // One order for every run: config, stack, preflight, then the adapters and their first calls.
    // The stack was begun as the JVM started its test plan, where it could be, for this config
    // (StackStartsWithThePlan): a config that fails its checks begins none.
    LocalStack stack = TestRun.stack(Path.of("").toAbsolutePath());
    RunContext run = RunContext.start(chosen, stack, TestRun.shelves());
    // Before the preflight, so the run's end can say where a run that never opened stopped.
    TestRun.start(run);
    String at = "the preflight";
    try {
      if (!Boolean.getBoolean("doctor.skip")) {
        ensure(
            new Preflight(ENVIRONMENT)
                .checkStarted(
                    run, List.of(CheckResult.pass("Config valid", chosen.file().toString()))));
      }
      at = "the inbox's and the user pool's first calls";
      run.open();
    } catch (RuntimeException e) {
      TestRun.stoppedAt(at);
      run.close();
      throw e;
    }
  }

  @AfterAll
  public static void endRun() {
    try {
      // First: nothing below needs an app session, and the last one's quit (a farm bills it) need
      // not wait for the results' labels and the count of left-over users.
      TestRun.endSessions();
      AllureResults results = AllureResults.ofThisRun();
      // Every scenario's result is written by now. allure-cucumber7-jvm labels feature and story;
      // the journey (epic) is added here, because a label set from a hook does not reach its
      // result. A rerun's passes over earlier failures are marked flaky.
      results.labelJourneys();
      RunInterruption.at().ifPresent(results::markInterrupted);
      int flaky = results.markFlaky();
      if (flaky > 0) {
        LOG.info("{} scenario(s) failed earlier and passed now: marked flaky in the report", flaky);
      }
      RunContext run = TestRun.current();
      if (run.opened()) {
        // A run that stopped at its preflight ran no scenario: there is no environment to describe.
        results.writeEnvironment(ENVIRONMENT.entries(run.config(), Path.of("").toAbsolutePath()));
      }
    } catch (IllegalStateException notStarted) {
      // The run never started (its config or its stack failed): nothing to describe either.
    } finally {
      TestRun.stop();
    }
  }

  @Before(order = 0)
  public void bindEvidence(Scenario scenario) {
    evidence.bind(scenario);
  }

  /** Before the session ends in endSession(). */
  @After
  public void evidenceOnFailure(Scenario scenario) {
    if (app.started()) {
      ENVIRONMENT.session(app.driver().getCapabilities().asMap());
    }
    if (!scenario.isFailed() || RunInterruption.interrupted()) {
      // After the signal the parts are going: there is nothing of the app's to show.
      return;
    }
    app.screenshot().ifPresent(png -> evidence.png("Screenshot at failure", png));
    app.pageSource().ifPresent(source -> evidence.xml("Page source at failure", source));
    if (app.started() && config.embeddedStack()) {
      // A remote server's log is not reachable from here (farms show it on their session page).
      AppiumLogExcerpt.of(APPIUM_LOG, app.driver().getSessionId().toString())
          .ifPresent(lines -> evidence.text("Appium log of this session", lines));
    }
    scenarioUser().ifPresent(this::attachPoolSnapshot);
  }

  /**
   * Ends the app session right after the evidence is taken (order 2: before CleanupHooks deletes
   * the scenario's users), rather than at disposal, which comes after the reports are written. A
   * failed scenario's kept session is not handed on.
   */
  @After(order = 2)
  public void endSession(Scenario scenario) {
    app.end(scenario.isFailed());
  }

  private void attachPoolSnapshot(TestUser who) {
    String snapshot;
    try {
      snapshot =
          pool.find(who.email()).map(PoolSnapshot::of).orElse(PoolSnapshot.absent(who.email()));
    } catch (RuntimeException e) {
      snapshot = "The user pool could not be read: " + e.getMessage();
    }
    evidence.text("User pool record of " + who.email(), snapshot);
  }

  private Optional<TestUser> scenarioUser() {
    try {
      return Optional.of(user.get());
    } catch (IllegalStateException noUserYet) {
      // The scenario failed before a step introduced its user.
      return Optional.empty();
    }
  }

  private static void ensure(Checklist checklist) {
    if (!checklist.passed()) {
      PreflightReport.ofThisRun().write(checklist);
      throw new PreflightFailedException(checklist);
    }
    checklist.warnings().forEach(warning -> LOG.warn("Preflight:\n{}", warning));
    LOG.info(
        "Preflight: all {} checks passed in {} ms (mvn -Pdoctor lists them)",
        checklist.results().size(),
        checklist.took().toMillis());
  }
}
