package io.authflow.e2e;

import io.authflow.e2e.steps.TestRun;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * In the features' JVM ({@code mvn verify}; failsafe sets {@code features.jvm}), reads and checks
 * the run's config as JUnit's launcher opens, beside the scenarios' discovery, and begins the local
 * stack as soon as JUnit knows which scenarios will run, before Cucumber loads its glue: that
 * second of the JVM's own work then overlaps Appium's start (docs/benchmark.md says what it gave on
 * 2 cores). A plan without scenarios (a rerun of no failures) begins nothing. JUnit finds it
 * through META-INF/services, as both listeners; other JVMs (mvn test, the warm JVM) lack the
 * property and ignore it.
 */
public final class StackStartsWithThePlan
    implements LauncherSessionListener, TestExecutionListener {
  static final String FEATURES_JVM = "features.jvm";

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (Boolean.getBoolean(FEATURES_JVM)) {
      TestRun.checkConfigAhead();
    }
  }

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    if (Boolean.getBoolean(FEATURES_JVM) && plan.countTestIdentifiers(TestIdentifier::isTest) > 0) {
      TestRun.beginStackAhead(Path.of("").toAbsolutePath());
    }
  }
}
