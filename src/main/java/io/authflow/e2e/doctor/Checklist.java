package io.authflow.e2e.doctor;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The doctor's answer: every check in order, and whether the environment can run the suite. */
public record Checklist(String env, List<CheckResult> results, Duration took) {

  public Checklist {
    results = List.copyOf(results);
  }

  public boolean passed() {
    return results.stream().allMatch(CheckResult::passed);
  }

  public List<CheckResult> failures() {
    return results.stream().filter(r -> !r.passed()).toList();
  }

  /** The lines that passed with a warning, as the checklist shows them. */
  public List<String> warnings() {
    return results.stream().filter(CheckResult::warning).map(CheckResult::render).toList();
  }

  public String render() {
    long failed = failures().size();
    long warnings = results.stream().filter(CheckResult::warning).count();
    return "Preflight of environment '"
        + env
        + "' ("
        + took.toMillis()
        + " ms):\n"
        + results.stream().map(CheckResult::render).collect(Collectors.joining("\n"))
        + "\n"
        + (failed == 0
            ? "All "
                + results.size()
                + " checks passed"
                + (warnings == 0 ? "." : ", " + warnings + " with a warning (⚠).")
            : failed + " of " + results.size() + " checks failed: fix the lines marked ✘.");
  }
}
