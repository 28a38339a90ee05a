package io.authflow.e2e.doctor;

import io.authflow.e2e.config.ConfigException;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.screens.AppProfile;
import io.authflow.e2e.screens.ProfileCompleteness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What is checked after the config loads and before anything starts (the local stack takes tens of
 * seconds): Cucumber's own options, and the app profile as a whole against the names the selected
 * scenarios can ask for on the run's platform.
 */
public final class StartChecks {
  static final String OPTIONS = "Cucumber options";
  static final String PROFILE = "App profile complete";
  private static final Path FEATURES = Path.of("features");

  private StartChecks() {}

  /** The checklist lines, one per problem (or one passing line per check). */
  public static List<CheckResult> results(HarnessConfig config) {
    List<CheckResult> results = new ArrayList<>();
    CucumberOptions options = CucumberOptions.ofThisRun();
    List<String> bad = options.problems();
    bad.forEach(p -> results.add(CheckResult.fail(OPTIONS, p, "as the line says.")));
    if (bad.isEmpty()) {
      results.add(CheckResult.pass(OPTIONS, "tags, name filter, plugins and parallel settings"));
    }
    String profileFile = "config/apps/" + config.app().name() + ".yaml";
    try {
      AppProfile profile = AppProfile.of(config);
      // With unreadable filters, only the names every scenario needs are required.
      SelectedScenarios selected = bad.isEmpty() ? SelectedScenarios.of(FEATURES, options) : null;
      List<String> missing =
          ProfileCompleteness.ofTheScreens()
              .problems(
                  profile,
                  config.target().platform(),
                  tag -> selected != null && selected.include(tag));
      missing.forEach(p -> results.add(CheckResult.fail(PROFILE, p, "as the line says.")));
      if (missing.isEmpty()) {
        results.add(
            CheckResult.pass(
                PROFILE,
                profile.file()
                    + " has every name the "
                    + (selected == null ? "" : selected.count() + " selected ")
                    + "scenarios ask for on "
                    + config.target().platform().name().toLowerCase(java.util.Locale.ROOT)));
      }
    } catch (ConfigException e) {
      e.problems().forEach(p -> results.add(CheckResult.fail(PROFILE, p, "fix " + profileFile)));
    }
    return results;
  }

  /** Throws one {@link ConfigException} listing every problem the checks found. */
  public static void ensure(HarnessConfig config) {
    List<String> problems =
        results(config).stream().filter(r -> !r.passed()).map(CheckResult::detail).toList();
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }
}
