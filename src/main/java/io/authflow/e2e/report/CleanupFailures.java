package io.authflow.e2e.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario's cleanup could not do (a test user left in the pool), collected over the run for
 * the console summary; each scenario also carries its own in the report.
 */
public final class CleanupFailures {
  private static final List<String> FAILURES = new ArrayList<>();

  private CleanupFailures() {}

  public static synchronized void add(String scenario, String failure) {
    FAILURES.add(failure + " (" + scenario + ")");
  }

  static synchronized List<String> all() {
    return List.copyOf(FAILURES);
  }
}
