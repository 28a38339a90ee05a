package io.authflow.e2e.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * A run stopped by a signal (Ctrl-C: SIGINT to Maven's process group; a cancelled CI job: SIGINT or
 * SIGTERM) is no judgement of the app. The signal also stops the local stack's parts (they share
 * the terminal's process group), so whatever ends after it would fail for that reason alone. From
 * the signal on, every scenario that has not finished is not run: it ends as skipped ("run
 * interrupted"), the features' JVM winds down within a scenario's step instead of being halted
 * mid-report, and the reports keep the last judged run's failures (rerun.txt) and trend (Allure
 * history). Further signals change nothing: Maven's JVM, which waits for this one, ends the build
 * on a second Ctrl-C.
 */
public final class RunInterruption {
  private static final Logger LOG = LoggerFactory.getLogger(RunInterruption.class);
  public static final String REASON = "run interrupted";
  static final String MARKER = "run-interrupted.txt";
  // How long a signal may take to reach this JVM's run after a part it stopped was seen to fail: a
  // run started in the background hears it through the relay, a Node process writing to a pipe,
  // while the same signal can end ChromeDriver and fail a command in a few milliseconds.
  private static final Duration SIGNAL_LAG = Duration.ofSeconds(2);

  // Static by nature, not by convenience: a signal is the JVM's, its handler is registered once
  // per JVM, and what reads it includes Cucumber's plugins, made by reflection (ConsoleProgress,
  // RerunFile). The features' JVM runs one run, so the JVM's interruption is the run's.
  private static volatile Instant at;
  private static boolean listening;
  private static boolean signalsAreTheRuns = true;
  private static Path results;

  private RunInterruption() {}

  /**
   * Takes over SIGINT and SIGTERM for the rest of this JVM, the features' JVM; once per JVM. The
   * mark goes into {@code allureResults}, where Maven's JVM looks for it.
   */
  public static synchronized void listen(Path allureResults) {
    if (listening) {
      return;
    }
    listening = true;
    results = allureResults;
    try {
      // An earlier run's mark (results kept for mvn verify -Prerun) is not this run's.
      Files.deleteIfExists(results.resolve(MARKER));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear " + results.resolve(MARKER), e);
    }
    if (!signalsAreTheRuns) {
      return;
    }
    for (String name : List.of("INT", "TERM")) {
      try {
        Signal.handle(
            new Signal(name), signal -> interrupt(Instant.now(), "SIG" + signal.getName()));
      } catch (IllegalArgumentException reserved) {
        // The JVM keeps the signal for itself (e.g. run with -Xrs): the default stop remains.
        LOG.debug("SIG{} stays with the JVM: {}", name, reserved.getMessage());
      }
    }
    if (SigintRelay.sigintIgnored()) {
      // Started in the background by a script: the handler above never hears SIGINT, while the
      // stack's Node parts stop on it, and every later scenario would fail on them.
      try {
        SigintRelay.start(Map.of(), () -> interrupt(Instant.now(), "SIGINT"));
      } catch (IOException e) {
        LOG.warn(
            "SIGINT is ignored in this JVM (started in the background by a script) and no relay"
                + " could start ({}): an interrupted run will read as failed.",
            e.getMessage());
      }
    }
  }

  /**
   * For a run that is one of several in this JVM (a rerun in the rehearsal stack's warm JVM): the
   * JVM's signals stay with the JVM, and the run is stopped through {@link #interruptedBy} when its
   * client asks. Before {@link #listen}.
   */
  public static synchronized void leaveSignalsAlone() {
    signalsAreTheRuns = false;
  }

  /** Marks the run interrupted now, by {@code by} (what a signal would have been). */
  public static void interruptedBy(String by) {
    interrupt(Instant.now(), by);
  }

  /** Marks the run interrupted at {@code when}; only the first call counts. */
  static synchronized void interrupt(Instant when, String by) {
    if (at != null) {
      return;
    }
    at = when;
    RunInterruption.class.notifyAll();
    if (results == null) {
      return;
    }
    // The marker tells the report's preparation (in Maven's JVM) to keep the trend as it was.
    try {
      Files.createDirectories(results);
      Files.writeString(results.resolve(MARKER), when + " " + by + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot mark " + results + " as interrupted", e);
    }
  }

  /** Keeps the console's last line beside the mark, for Maven's JVM to end the build with. */
  static synchronized void summary(String line) {
    if (results == null || at == null) {
      return;
    }
    try {
      Files.writeString(
          results.resolve(MARKER), line + "\n", java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      LOG.info("Could not keep the summary beside {}: {}", results.resolve(MARKER), e.getMessage());
    }
  }

  /** When the run was interrupted, if it was. */
  public static Optional<Instant> at() {
    return Optional.ofNullable(at);
  }

  public static boolean interrupted() {
    return at != null;
  }

  /**
   * Whether the run is interrupted, given a signal on its way the time to arrive: for a failure
   * that a stopped part explains, since the signal that interrupts a run stops its parts too and
   * one of them can fail a command before this JVM hears it. Waits up to {@link #SIGNAL_LAG}, and
   * only where the JVM's signals are the run's; a caller waits once per stopped part or session,
   * not once per failure.
   */
  public static synchronized boolean interruptedOnceHeard() {
    if (at != null || !listening || !signalsAreTheRuns) {
      return at != null;
    }
    long deadline = System.nanoTime() + SIGNAL_LAG.toNanos();
    try {
      for (long left; at == null && (left = deadline - System.nanoTime()) > 0; ) {
        TimeUnit.NANOSECONDS.timedWait(RunInterruption.class, left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return at != null;
  }

  /** Whether something that ended at {@code ended} was judged: it ended before any signal. */
  public static boolean judged(Instant ended) {
    Instant signal = at;
    return signal == null || ended.isBefore(signal);
  }

  /**
   * Ends the current step as not run (Cucumber: skipped) once the run is interrupted; {@code where}
   * says where the signal found the scenario.
   */
  public static void check(String where) {
    if (at != null) {
      throw notJudged(where);
    }
  }

  /**
   * What a failure after the signal becomes: a skip whose reason is the interruption ({@code seen},
   * e.g. the part the signal stopped, only says what the step saw).
   */
  public static TestAbortedException notJudged(String seen) {
    return new TestAbortedException(REASON + " (" + seen.lines().findFirst().orElse(seen) + ")");
  }
}
