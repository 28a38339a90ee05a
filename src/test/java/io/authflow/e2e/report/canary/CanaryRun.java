package io.authflow.e2e.report.canary;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The canary's feature run (or any feature file or folder, e.g. InterruptedRunTest's), in a JVM of
 * its own whose working directory is the canary's: the Cucumber engine with the suite's glue and
 * plugins (junit-platform.properties), as failsafe runs it, so its reports/ and logs are the
 * canary's alone.
 */
public final class CanaryRun {
  private CanaryRun() {}

  public static void main(String[] args) {
    var request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(
                java.nio.file.Files.isDirectory(java.nio.file.Path.of(args[0]))
                    ? selectDirectory(args[0])
                    : selectFile(args[0]))
            .filters(org.junit.platform.launcher.EngineFilter.includeEngines("cucumber"))
            .configurationParameter(
                "cucumber.glue", "io.authflow.e2e.steps,io.authflow.e2e.report.canary")
            .build();
    var summary = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request, summary);
    System.out.println(
        "Canary run: "
            + summary.getSummary().getTestsStartedCount()
            + " started, "
            + summary.getSummary().getTestsFailedCount()
            + " failed");
    summary.getSummary().printFailuresTo(new java.io.PrintWriter(System.out, true), 5);
  }
}
