package io.authflow.e2e;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Reruns journeys against the kept-running stack without Maven: the same suite as {@code mvn verify
 * -Pwarm} ({@link RunFeaturesIT}, its junit-platform.properties and plugins), started straight from
 * the class path {@code mvn -Plocal-stack} wrote into {@code target/rehearsal/rerun.args}. Maven's
 * start and up-to-date checks were most of a one-scenario rerun's time (docs/benchmark.md). It runs
 * what the last build compiled: the features and config are read afresh, Java changes need a build
 * (the IDE's or {@code mvn test-compile}).
 *
 * <p>Arguments: a scenario name (a regular expression, Cucumber's {@code cucumber.filter.name}), or
 * {@code --tags <expression>}. Exit status: 0 all passed, 1 a scenario failed or none was selected,
 * 2 wrong arguments.
 */
public final class WarmRerun {
  private static final String USAGE =
      "usage: java @target/rehearsal/rerun.args \"<scenario name>\" | --tags \"<tag expression>\"";

  private WarmRerun() {}

  public static void main(String[] args) {
    String key;
    String value;
    if (args.length == 1 && !args[0].startsWith("--")) {
      key = "cucumber.filter.name";
      value = args[0];
    } else if (args.length == 2 && args[0].equals("--tags")) {
      key = "cucumber.filter.tags";
      value = args[1];
    } else {
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    // What Maven's clean-reports execution empties, so the results are this rerun's alone.
    for (String generated : List.of("allure-results", "junit", "logs")) {
      deleteTree(Path.of("reports", generated));
    }
    var request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(RunFeaturesIT.class))
            // The suite engine runs Cucumber's; JUnit Jupiter, on the class path for the harness's
            // own tests, need not look at the suite class.
            .filters(includeEngines("junit-platform-suite"))
            .configurationParameter(key, value)
            .build();
    var summary = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request, summary);
    var result = summary.getSummary();
    // Cucumber's filters skip the scenarios they leave out; a scenario that did not apply to this
    // pool is aborted (NotApplicable) and counts as run, as in mvn verify.
    long ran = result.getTestsSucceededCount() + result.getTestsAbortedCount();
    if (ran + result.getTestsFailedCount() == 0) {
      System.err.println(
          "No scenario of features/ matches "
              + key
              + "="
              + value
              + ": nothing ran. Scenario names are regular expressions; --tags takes a tag"
              + " expression such as \"@smoke and not @otp-sms\".");
    }
    boolean passed = result.getTotalFailureCount() == 0 && ran > 0;
    // The app sessions' and the SDK's client threads would keep the JVM alive after the run.
    System.exit(passed ? 0 : 1);
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot empty " + root + " before the rerun", e);
    }
  }
}
