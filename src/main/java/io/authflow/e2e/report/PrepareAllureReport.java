package io.authflow.e2e.report;

import java.nio.file.Path;

/**
 * Run by Maven just before Allure generates the report ({@code mvn verify}, post-integration-test):
 * carries the last report's history into the results and, in CI, names the build. It runs there
 * rather than at the features' end so a run whose preflight failed keeps the history too.
 */
public final class PrepareAllureReport {
  private PrepareAllureReport() {}

  /** {@code args}: the results directory, the report directory. */
  public static void main(String[] args) {
    AllureResults results = new AllureResults(Path.of(args[0]));
    boolean history = results.carryHistoryFrom(Path.of(args[1]));
    boolean executor = results.writeExecutor(System.getenv());
    System.out.println(
        "Allure report: "
            + (history ? "history of the last report carried over" : "no earlier report history")
            + (executor ? "; CI build named in executor.json" : ""));
  }
}
