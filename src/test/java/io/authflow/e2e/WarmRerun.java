package io.authflow.e2e;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.pattern.DynamicConverter;
import io.authflow.e2e.report.RedactingMessageConverter;
import io.authflow.e2e.report.RunInterruption;
import io.authflow.e2e.run.SessionShelves;
import io.authflow.e2e.steps.TestRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.slf4j.LoggerFactory;

/**
 * Reruns journeys against the kept-running stack without Maven: the same suite as {@code mvn verify
 * -Pwarm} ({@link RunFeaturesIT}, its junit-platform.properties and plugins), started straight from
 * the class path {@code mvn -Plocal-stack} wrote into {@code target/rehearsal/rerun.args}. Maven's
 * start and up-to-date checks were most of a one-scenario rerun's time (docs/benchmark.md). It runs
 * what the last build compiled: the features and config are read afresh, Java changes need a build
 * (the IDE's or {@code mvn test-compile}). Where the stack's warm JVM answers ({@code
 * -Drerun.warmJvm}, written into rerun.args), the rerun runs there ({@link WarmJvm}), else in this
 * JVM.
 *
 * <p>Arguments: {@code --new-session} first, for a rerun in the warm JVM that starts its own app
 * session and ends it (as a rerun in its own JVM does) instead of going on in the one the last
 * rerun kept; then a scenario name (a regular expression, Cucumber's {@code cucumber.filter.name}),
 * or {@code --tags <expression>}. Exit status: 0 all passed, 1 a scenario failed or none was
 * selected, 2 wrong arguments.
 */
public final class WarmRerun {
  private static final String USAGE =
      "usage: java @target/rehearsal/rerun.args [--new-session] \"<scenario name>\" | --tags"
          + " \"<tag expression>\"";

  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(WarmRerun.class);

  private WarmRerun() {}

  public static void main(String[] arguments) {
    boolean newSession = arguments.length > 0 && arguments[0].equals("--new-session");
    String[] args = newSession ? Arrays.copyOfRange(arguments, 1, arguments.length) : arguments;
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
    String warm = System.getProperty("rerun.warmJvm");
    Optional<Integer> status =
        warm == null
            ? Optional.empty()
            : WarmJvm.ask(Path.of(warm), key, value, newSession, System.out);
    // The app sessions' and the SDK's client threads would keep the JVM alive after the run.
    System.exit(status.orElseGet(() -> run(key, value)));
  }

  private static int run(String key, String value) {
    clearReports();
    return launch(key, value);
  }

  /**
   * A rerun in the rehearsal stack's warm JVM ({@link WarmJvm}), in a class loader of its own: the
   * JVM's signals are not this rerun's (its client stops it, {@link #clientWentAway}), its kept app
   * session goes on to the next rerun on {@code sessions}, the warm JVM's (unless {@code
   * newSession}: then it starts and ends its own), and logging, whose library outlives the rerun,
   * is set up anew on this rerun's classes and files.
   */
  public static int runWarm(
      String key, String value, Map<String, Object> sessions, Boolean newSession) {
    RunInterruption.leaveSignalsAlone();
    TestRun.keepSessionsOn(newSession ? null : new SessionShelves(sessions));
    clearReports();
    configureLogging();
    LOG.info("Rerun in the warm JVM: {}={}", key, value);
    return launch(key, value);
  }

  /** The rerun's client left (Ctrl-C): the rerun ends as an interrupted run. */
  public static void clientWentAway() {
    RunInterruption.interruptedBy("Ctrl-C in the rerun's terminal");
  }

  /** Discovers the features without running them: what a warm JVM loads before its first rerun. */
  public static void discover() {
    LauncherFactory.create().discover(request("cucumber.filter.tags", "not @any"));
  }

  private static int launch(String key, String value) {
    var summary = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request(key, value), summary);
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
    return result.getTotalFailureCount() == 0 && ran > 0 ? 0 : 1;
  }

  private static LauncherDiscoveryRequest request(String key, String value) {
    return LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(RunFeaturesIT.class))
        // The suite engine runs Cucumber's; JUnit Jupiter, on the class path for the harness's
        // own tests, need not look at the suite class.
        .filters(includeEngines("junit-platform-suite"))
        .configurationParameter(key, value)
        .build();
  }

  /** What Maven's clean-reports execution empties, so the results are this rerun's alone. */
  private static void clearReports() {
    for (String generated : List.of("allure-results", "junit", "logs")) {
      deleteTree(Path.of("reports", generated));
    }
  }

  /**
   * logback.xml on this rerun's classes. logback, loaded once for every rerun, cannot load the
   * redacting %msg converter by its name from there: the rule logback.xml names is replaced by a
   * supplier of this rerun's converter, and the encoders parse their patterns again with it.
   */
  private static void configureLogging() {
    var context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    var configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(WarmRerun.class.getResource("/logback.xml"));
    } catch (JoranException e) {
      throw new IllegalStateException("logback.xml of the harness does not load", e);
    }
    @SuppressWarnings("unchecked")
    var rules =
        (Map<String, Supplier<DynamicConverter<?>>>)
            context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
    rules.put("msg", RedactingMessageConverter::new);
    for (Logger logger : context.getLoggerList()) {
      logger
          .iteratorForAppenders()
          .forEachRemaining(
              appender -> {
                if (appender instanceof OutputStreamAppender<ILoggingEvent> output) {
                  output.getEncoder().stop();
                  output.getEncoder().start();
                }
              });
    }
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
