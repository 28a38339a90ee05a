package io.authflow.e2e.report;

import java.nio.file.Path;

/**
 * Run by Maven just before Allure generates the report ({@code mvn verify}, post-integration-test):
 * carries the last report's history into the results and, in CI, names the build. It runs there
 * rather than at the features' end so a run whose preflight failed keeps the history too.
 */
public final class PrepareAllureReport {
  private PrepareAllureReport() {}

  /**
   * {@code args}: the results directory, the report directory, where an interrupted run keeps the
   * last judged history while Allure generates ({@link KeepJudgedTrend}).
   */
  public static void main(String[] args) {
    AllureResults results = new AllureResults(Path.of(args[0]));
    Path report = Path.of(args[1]);
    // Also here, not only at the features' end: a JVM stopped by the signal never got there.
    results.interruptedAt().ifPresent(results::markInterrupted);
    KeepJudgedTrend.save(results, report, Path.of(args[2]));
    boolean history = results.carryHistoryFrom(report);
    boolean executor = results.writeExecutor(System.getenv());
    System.out.println(
        "Allure report: "
            + (history ? "history of the last report carried over" : "no earlier report history")
            + (executor ? "; CI build named in executor.json" : ""));
  }
}
