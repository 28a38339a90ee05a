package io.authflow.e2e.doctor;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The feature suite as failsafe runs it (the Cucumber engine, the suite's glue, the options of
 * junit-platform.properties and -D), in a JVM of its own, for {@link StartChecksDrillTest}: prints
 * the summary and each failure with up to 25 lines of its stack trace.
 */
public final class FeatureRunOfTheChecks {
  private FeatureRunOfTheChecks() {}

  public static void main(String[] args) {
    var request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectDirectory("features"))
            .filters(EngineFilter.includeEngines("cucumber"))
            .configurationParameter("cucumber.glue", "io.authflow.e2e.steps")
            .build();
    var summary = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request, summary);
    System.out.println(
        "Feature run: "
            + summary.getSummary().getTestsStartedCount()
            + " started, "
            + summary.getSummary().getTotalFailureCount()
            + " failed");
    summary.getSummary().printFailuresTo(new java.io.PrintWriter(System.out, true), 25);
  }
}
