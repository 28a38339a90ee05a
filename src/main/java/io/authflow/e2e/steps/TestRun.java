package io.authflow.e2e.steps;

import io.authflow.e2e.config.ConfigException;
import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.doctor.StartChecks;
import io.authflow.e2e.local.LocalStack;
import io.authflow.e2e.parts.DaemonThreads;
import io.authflow.e2e.report.RunInterruption;
import io.authflow.e2e.run.RunContext;
import io.authflow.e2e.run.SessionShelves;
import io.authflow.e2e.userpool.UserPool;
import io.authflow.e2e.users.TestUsers;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's context for the scenarios: Cucumber's hooks that start and end a run are static, so
 * this one static is how PicoContainer's providers reach the {@link RunContext} they started, and
 * with it everything of the run (its watch on the stack, its devices, its adapters).
 */
public final class TestRun {
  private static final Logger LOG = LoggerFactory.getLogger(TestRun.class);
  private static RunContext current;
  // Where the run's start stopped before its scenarios (the preflight), for its end to say.
  private static String stoppedAt;
  // The warm JVM's kept sessions, set before the run by the one that outlives it; else none.
  private static SessionShelves shelves;
  // The local stack begun as the features' JVM started its test plan, for the run to go on with,
  // and the config it was begun for, read and checked there.
  private static LocalStack stackAhead;
  private static HarnessConfig configAhead;
  private static CompletableFuture<Optional<HarnessConfig>> checkingAhead;

  private TestRun() {}

  /**
   * The run about to start in this JVM takes its kept sessions from {@code jvmShelves} and leaves
   * them there (a rerun in the warm JVM): Cucumber's hooks are static, so this is how they reach
   * what the JVM hands over.
   */
  public static synchronized void keepSessionsOn(SessionShelves jvmShelves) {
    shelves = jvmShelves;
  }

  static synchronized SessionShelves shelves() {
    return shelves;
  }

  /**
   * Begins the local stack the run's config asks for, if any, while the JVM loads Cucumber's glue:
   * the run's start then waits only for what is left of it (Appium takes about 1.5 s). The config
   * is the one {@link #checkConfigAhead} read, else read here. A config that does not load or pass
   * the start checks begins nothing; the run's start says what is wrong with it. {@code root} is
   * the project directory.
   */
  public static synchronized void beginStackAhead(Path root) {
    Optional<HarnessConfig> checked =
        checkingAhead == null ? checkedConfig() : checkingAhead.join();
    checkingAhead = null;
    if (checked.isEmpty()) {
      return;
    }
    HarnessConfig asked = checked.get();
    configAhead = asked;
    if (asked.embeddedStack()) {
      stackAhead = new LocalStack(root);
      stackAhead.startAhead(asked);
    }
  }

  /**
   * Reads and checks the run's config on a thread of its own while JUnit discovers the scenarios
   * (the features' JVM, as its launcher opens): {@link #beginStackAhead} then waits only for what
   * is left of it. The checks parse the features again and the config's first read loads its YAML
   * reader and logging, about half a second on 2 cores. Once per JVM.
   */
  public static synchronized void checkConfigAhead() {
    if (checkingAhead == null) {
      checkingAhead =
          CompletableFuture.supplyAsync(
              TestRun::checkedConfig, DaemonThreads.ownThread("authflow-config-ahead"));
    }
  }

  /** The run's config if it loads and passes the start checks; the run's start says what is not. */
  private static Optional<HarnessConfig> checkedConfig() {
    try {
      HarnessConfig asked = ConfigLoader.fromSystem();
      StartChecks.ensure(asked);
      return Optional.of(asked);
    } catch (ConfigException e) {
      return Optional.empty();
    }
  }

  /**
   * The run's config as read and checked when the test plan started ({@link #beginStackAhead}),
   * handed over once; empty where nothing was begun ahead, and the run's start reads it.
   */
  static synchronized Optional<HarnessConfig> configAhead() {
    Optional<HarnessConfig> checked = Optional.ofNullable(configAhead);
    configAhead = null;
    return checked;
  }

  /** The stack begun ahead of the run, handed over once; else a new one of {@code root}. */
  static synchronized LocalStack stack(Path root) {
    LocalStack stack = stackAhead == null ? new LocalStack(root) : stackAhead;
    stackAhead = null;
    return stack;
  }

  /** The run goes on in {@code context}, started by the hooks; opened once its preflight passed. */
  static synchronized void start(RunContext context) {
    current = context;
    stoppedAt = null;
  }

  /** The run's start stopped at {@code where} (e.g. "the preflight"): no scenario will run. */
  static synchronized void stoppedAt(String where) {
    stoppedAt = where;
  }

  /** Ends the run's app sessions (or shelves them for the warm JVM's next run), if it started. */
  static synchronized void endSessions() {
    if (current != null) {
      current.devices().closeAll();
    }
  }

  static synchronized void stop() {
    if (current == null) {
      // The config or the stack failed before there was a run: the lines above say which.
      LOG.info("Run end: the run did not start; it created no test user");
      return;
    }
    try {
      sayHowItEnded();
    } finally {
      current.close();
      current = null;
    }
  }

  private static void sayHowItEnded() {
    if (!current.opened()) {
      // Test users are made by scenarios, after the adapters opened; none ran.
      LOG.info(
          "Run end: the run stopped at {} before any scenario; it created no test user in pool {}",
          stoppedAt == null ? "its start" : stoppedAt,
          current.config().userPool().id());
      return;
    }
    if (RunInterruption.interrupted()) {
      // The signal stopped the local parts too, so counting would only fail; not worth a line.
      LOG.info("Run end: interrupted; the next run's start sweeps what this run's users left");
      return;
    }
    // This run's users only: parallel jobs on the same pool have their own.
    String prefix = TestUsers.runPrefix(current.config().users().emailPrefix());
    try {
      // Every scenario deletes its users; a count above zero here is a cleanup bug to chase.
      // Guarded: a dead stand-in is named at once rather than after the SDK's retries.
      LOG.info(
          "Run end: {} test user(s) of this run left in pool {}",
          current.watch().guard(UserPool.class, current.pool()).countTestUsers(prefix),
          current.config().userPool().id());
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      LOG.warn(
          "Run end: could not count left-over test users: {}",
          message.lines().findFirst().orElse(message));
    }
  }

  static synchronized RunContext current() {
    if (current == null) {
      throw new IllegalStateException(
          "The run has not started: the @BeforeAll hook in Hooks starts it.");
    }
    return current;
  }
}
