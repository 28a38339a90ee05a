package io.authflow.e2e.doctor;

import io.authflow.e2e.config.ConfigException;
import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.local.LocalStack;
import io.authflow.e2e.local.LocalStackException;
import io.authflow.e2e.report.RunEnvironment;
import io.authflow.e2e.run.RunContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The preflight doctor ({@code mvn -Pdoctor}, or {@code -Denv=<name>} for another environment):
 * checks the chosen environment and prints a checklist with a fix per failing line. On {@code
 * local} it starts the embedded stack, checks it and stops it again.
 */
public final class Doctor {
  private Doctor() {}

  public static void main(String[] args) {
    Checklist checklist = examine(ConfigLoader::fromSystem);
    System.out.println(checklist.render());
    if (!checklist.passed()) {
      // exec:java fails the build on an exception, without ending Maven's JVM as System.exit would.
      throw new IllegalStateException(
          "Preflight: "
              + checklist.failures().size()
              + " of "
              + checklist.results().size()
              + " checks failed; fix the lines marked ✘ above.");
    }
  }

  /** {@code load} gives the chosen environment's config (tests give their own loader). */
  static Checklist examine(Supplier<HarnessConfig> load) {
    HarnessConfig config;
    try {
      config = load.get();
    } catch (ConfigException e) {
      // One line per problem: a missing variable is as plain here as a missing Appium.
      return new Checklist(
          System.getProperty("env", "local"),
          e.problems().stream()
              .map(problem -> CheckResult.fail("Config valid", problem, "as the line says."))
              .toList(),
          Duration.ZERO);
    }
    CheckResult valid = CheckResult.pass("Config valid", config.file().toString());
    List<CheckResult> before = new java.util.ArrayList<>(List.of(valid));
    before.addAll(StartChecks.results(config));
    if (before.stream().anyMatch(r -> !r.passed())) {
      // Nothing is started for a run that could not use it.
      return new Checklist(config.env(), before, Duration.ZERO);
    }
    Preflight preflight = new Preflight(new RunEnvironment());
    RunContext run;
    try {
      run = RunContext.start(config, new LocalStack(Path.of("").toAbsolutePath()));
    } catch (LocalStackException e) {
      before.add(Preflight.stackFailed(e));
      return new Checklist(config.env(), before, Duration.ZERO);
    }
    try (run) {
      return preflight.checkStarted(run, before);
    }
  }
}
