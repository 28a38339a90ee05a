package io.authflow.e2e.local;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Nothing a run starts outlives it: a real run's JVM (the local stack and a browser session, in a
 * JVM of its own) is killed with SIGKILL, and no process of that run is left 10 s later, nor its
 * temp dir; a run after that starts and ends cleanly.
 */
class RunReaperTest {
  private static final Path RECORDS =
      Path.of(System.getProperty("java.io.tmpdir"), "authflow-e2e-runs");
  private static final Duration STARTUP = Duration.ofSeconds(120);
  private static final Duration REAPED_WITHIN = Duration.ofSeconds(10);
  private Process run;

  @AfterEach
  void killTheRunLeftOver() {
    if (run != null) {
      run.destroyForcibly();
    }
  }

  @Test
  void aKilledRunLeavesNothingAndTheNextRunPasses() throws Exception {
    run = startRun("hold");
    String runId = awaitReady(run);
    List<ProcessHandle> parts = RunReaper.marked(runId);
    Path tempDir = tempDirOf(runId);
    assertThat(commands(parts))
        .as("the run's processes before the kill")
        .anyMatch(c -> c.contains("cognito/launcher.js") || c.contains("tether.js"))
        .anyMatch(c -> c.contains("chromedriver"))
        .anyMatch(c -> c.contains("chromium"));
    assertThat(tempDir).isDirectory();

    run.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in that JVM

    Awaitility.await("every process of run " + runId + " to end after its JVM was killed")
        .atMost(REAPED_WITHIN)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(commands(RunReaper.marked(runId))).isEmpty());
    assertThat(tempDir).as("the killed run's temp dir (test passwords)").doesNotExist();

    Process next = startRun("once");
    String nextId = awaitReady(next);
    assertThat(next.waitFor(60, TimeUnit.SECONDS)).as("the next run ends").isTrue();
    assertThat(next.exitValue()).as("the next run's exit code").isZero();
    assertThat(commands(RunReaper.marked(nextId))).as("processes of the run that ended").isEmpty();
  }

  @Test
  void theNextRunsStartReapsWhatAKilledRunAndItsTethersLeft() throws Exception {
    run = startRun("hold");
    String runId = awaitReady(run);
    Path tempDir = tempDirOf(runId);
    // Kill the tethers first, so nothing of the run reacts: only the sweep can clean up now.
    List<ProcessHandle> tethers =
        run.toHandle().children().filter(p -> commandOf(p).contains("tether.js")).toList();
    assertThat(tethers).as("the run's tethers").hasSizeGreaterThanOrEqualTo(2);
    tethers.forEach(ProcessHandle::destroyForcibly);
    run.destroyForcibly();
    run.waitFor(10, TimeUnit.SECONDS);
    assertThat(commands(RunReaper.marked(runId))).as("what the killed run left").isNotEmpty();

    int reaped = new RunReaper(RECORDS).sweep();

    assertThat(reaped).as("runs reaped").isGreaterThanOrEqualTo(1);
    Awaitility.await("the sweep to end every process of run " + runId)
        .atMost(REAPED_WITHIN)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(commands(RunReaper.marked(runId))).isEmpty());
    assertThat(tempDir).doesNotExist();
    assertThat(RECORDS.resolve(runId + ".run")).doesNotExist();
  }

  @Test
  void aRunThatDidNotEndIsReportedWhenItsRecordIsReapedEvenWithNothingLeft(@TempDir Path records)
      throws Exception {
    Process ended = new ProcessBuilder("true").start();
    assertThat(ended.waitFor(10, TimeUnit.SECONDS)).as("a process that ended").isTrue();
    Properties record = new Properties();
    record.setProperty("runId", "run-" + ended.pid() + "-ended");
    record.setProperty("jvmPid", Long.toString(ended.pid()));
    record.setProperty("jvmStart", "2020-01-01T00:00:00Z");
    Path file = records.resolve("run-" + ended.pid() + "-ended.run");
    try (var out = Files.newOutputStream(file)) {
      record.store(out, "a run killed with its tethers done");
    }
    var logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(RunReaper.class);
    var seen = new ListAppender<ILoggingEvent>();
    seen.start();
    logger.addAppender(seen);
    int reaped;
    try {
      reaped = new RunReaper(records).sweep();
    } finally {
      logger.detachAppender(seen);
    }

    assertThat(reaped).isEqualTo(1);
    assertThat(file).doesNotExist();
    assertThat(seen.list)
        .singleElement()
        .satisfies(e -> assertThat(e.getLevel()).isEqualTo(Level.WARN))
        .extracting(ILoggingEvent::getFormattedMessage)
        .asString()
        .startsWith("Run start: an earlier run (JVM pid " + ended.pid() + ") did not end; ");
  }

  private static Process startRun(String mode) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java, "-cp", System.getProperty("java.class.path"), RunOfTheStack.class.getName(), mode)
        .redirectErrorStream(true)
        .start();
  }

  /** The run id the run prints once its stack and browser session are up. */
  private static String awaitReady(Process process) throws Exception {
    return ProcessOutput.awaitLine(process, "READY ", STARTUP, "The run").split(" ")[1];
  }

  private static Path tempDirOf(String runId) throws IOException {
    var record = new Properties();
    try (var in = Files.newInputStream(RECORDS.resolve(runId + ".run"))) {
      record.load(in);
    }
    return record.stringPropertyNames().stream()
        .filter(k -> k.startsWith("tempDir."))
        .map(k -> Path.of(record.getProperty(k)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("run " + runId + " recorded no temp dir"));
  }

  private static List<String> commands(List<ProcessHandle> processes) {
    return processes.stream()
        .filter(ProcessHandle::isAlive)
        .map(p -> p.pid() + " " + commandOf(p))
        .toList();
  }

  private static String commandOf(ProcessHandle process) {
    return process.info().commandLine().orElse("?");
  }
}
