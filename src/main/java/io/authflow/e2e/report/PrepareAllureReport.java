package io.authflow.e2e.report;

import java.nio.file.Path;

/**
 * Run by Maven just before Allure generates the report ({@code mvn verify}, post-integration-test):
 * carries the history of the run's trend (its app and environment, {@link KeepJudgedTrend}) into
 * the results and, in CI, names the build. It runs there rather than at the features' end so a run
 * whose preflight failed keeps the history too.
 */
public final class PrepareAllureReport {
  private PrepareAllureReport() {}

  /** {@code args}: the results directory, the directory of the trends. */
  public static void main(String[] args) {
    AllureResults results = new AllureResults(Path.of(args[0]));
    // Also here, not only at the features' end: a JVM stopped by the signal never got there.
    results.interruptedAt().ifPresent(results::markInterrupted);
    Path trend = KeepJudgedTrend.of(results, Path.of(args[1])).orElse(null);
    boolean history = trend != null && results.carryHistoryFrom(trend);
    boolean executor = results.writeExecutor(System.getenv());
    System.out.println(
        "Allure report: "
            + (history
                ? "history of the trend " + trend.getFileName() + " carried over"
                : "no earlier report history")
            + (executor ? "; CI build named in executor.json" : ""));
  }
}
