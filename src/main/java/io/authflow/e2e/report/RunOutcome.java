package io.authflow.e2e.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the console's summary says beyond the scenarios' own events: the cleanups that failed over
 * the run (a test user left in the pool; each scenario also carries its own in the report), and a
 * preflight that failed before any scenario, which no event reports.
 *
 * <p>{@link #ofThisJvm()} is the one instance of a features' JVM, and the one static: Cucumber
 * makes {@link ConsoleProgress} by reflection and hands it nothing but events, so this is where the
 * run's hooks leave what it must say. Everything else takes it by constructor.
 */
public final class RunOutcome {
  private static final RunOutcome OF_THIS_JVM = new RunOutcome();

  private final List<String> cleanupFailures = new ArrayList<>();
  private FailedPreflight preflight;

  /** The outcome of the run in this JVM, which the console plugin summarises. */
  public static RunOutcome ofThisJvm() {
    return OF_THIS_JVM;
  }

  public synchronized void cleanupFailed(String scenario, String failure) {
    cleanupFailures.add(failure + " (" + scenario + ")");
  }

  /** Keeps a failed preflight for the summary: {@code failures} are its failed checks' lines. */
  public synchronized void preflightFailed(int checks, List<String> failures) {
    preflight = new FailedPreflight(checks, List.copyOf(failures));
  }

  synchronized List<String> cleanupFailures() {
    return List.copyOf(cleanupFailures);
  }

  synchronized Optional<FailedPreflight> failedPreflight() {
    return Optional.ofNullable(preflight);
  }

  record FailedPreflight(int checks, List<String> failures) {}
}
