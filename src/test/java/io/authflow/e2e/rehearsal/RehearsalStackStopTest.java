package io.authflow.e2e.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.local.ProcessOutput;
import io.authflow.e2e.local.RunReaper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The drill of the kept-running stack: the real {@code mvn -Plocal-stack} (Maven, the stack's JVM,
 * the Cognito stand-in, Appium, the Grid's hub and node) in a process group of its own, as a
 * terminal runs it, is sent Ctrl-C's signal to the whole group; within 5 s no process of the group
 * or of the run is left.
 */
class RehearsalStackStopTest {
  private static final Duration STARTUP = Duration.ofSeconds(180);
  private static final Duration GONE_WITHIN = Duration.ofSeconds(5);
  private Process maven;
  private String runId;

  @BeforeEach
  void linuxOnly() {
    // Process groups, setsid and /proc: the drill is Linux's (CI's); the stop itself is not.
    Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "Linux only");
  }

  @AfterEach
  void killWhatIsLeft() throws Exception {
    if (maven != null) {
      signalGroup("KILL");
    }
    if (runId != null) {
      RunReaper.marked(runId).forEach(ProcessHandle::destroyForcibly);
    }
  }

  /**
   * Started as a script starts it in the background (SIGINT ignored, which a JVM keeps): the case
   * where Ctrl-C used to leave Maven, the stack and the Grid running.
   */
  @Test
  void ctrlCStopsMavenTheStackAndEveryPartWithin5sAlsoWhenStartedWithSigintIgnored()
      throws Exception {
    startStack(true);
    List<ProcessHandle> before = processes();
    // Java command lines are cut short by the OS (class paths): the JVMs are counted instead.
    assertThat(commands(before))
        .as("the stack's processes before Ctrl-C: Maven, the stack, the Grid's hub and node")
        .anyMatch(c -> c.contains("cognito/launcher.js"))
        .anyMatch(c -> c.contains("appium/index.js"))
        .filteredOn(c -> c.matches("\\d+ \\S*java .*"))
        .hasSizeGreaterThanOrEqualTo(4);

    signalGroup("INT");

    awaitNothingLeft(GONE_WITHIN, "after one Ctrl-C");
  }

  @Test
  void aPartThatHangsIsKilledAndASecondCtrlCStopsAtOnce() throws Exception {
    startStack(false);
    // A stand-in that cannot react (stopped with SIGSTOP) holds the graceful stop up.
    ProcessHandle launcher =
        processes().stream()
            .filter(p -> commandOf(p).contains("cognito/launcher.js"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Cognito stand-in in " + processes()));
    run("kill", "-STOP", Long.toString(launcher.pid()));

    signalGroup("INT");
    // Well within the 3 s the first Ctrl-C allows the parts: only the second can end it this soon.
    Awaitility.await().pollDelay(Duration.ofMillis(500)).until(() -> true);
    signalGroup("INT");

    awaitNothingLeft(Duration.ofMillis(2000), "0.5 s after a second Ctrl-C");
  }

  private void startStack(boolean sigintIgnored) throws Exception {
    // setsid: a group of its own, as a terminal's foreground job; Maven -q keeps the output short.
    // reports.keep: the outer build's reports/ (these tests' results) must not be cleaned. bash's
    // trap "" sets SIGINT to ignored, and exec keeps it so, as a script's `mvn … &` does.
    String mvn =
        "exec setsid mvn -o -q -Plocal-stack -Dlocal.prepare.skip=true -Dreports.keep=true";
    maven =
        new ProcessBuilder("bash", "-c", (sigintIgnored ? "trap '' INT; " : "") + mvn)
            .redirectErrorStream(true)
            .start();
    awaitReady();
    runId =
        processes().stream()
            .map(p -> p.info().commandLine().orElse(""))
            .filter(c -> c.contains("authflow-e2e-runs/run-"))
            .map(
                c -> c.replaceAll(".*authflow-e2e-runs/(run-[0-9]+-[0-9a-f]+)-tether\\.js.*", "$1"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no tethered part in " + commands(processes())));
  }

  /** Every process of the drill: Maven's group, and whatever carries the run's mark. */
  private List<ProcessHandle> processes() {
    List<ProcessHandle> all = new ArrayList<>();
    if (maven.isAlive()) {
      all.add(maven.toHandle());
    }
    maven.toHandle().descendants().filter(ProcessHandle::isAlive).forEach(all::add);
    if (runId != null) {
      RunReaper.marked(runId).stream()
          .filter(p -> all.stream().noneMatch(q -> q.pid() == p.pid()))
          .forEach(all::add);
    }
    return all;
  }

  private void awaitNothingLeft(Duration within, String when) {
    long start = System.nanoTime();
    Awaitility.await("no process of the stack " + when)
        .atMost(within)
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(() -> assertThat(commands(processes())).as("left " + when).isEmpty());
    System.out.printf(
        "Rehearsal stack drill: nothing left %d ms %s%n",
        (System.nanoTime() - start) / 1_000_000, when);
  }

  private void signalGroup(String signal) throws Exception {
    run("kill", "-" + signal, "--", "-" + maven.pid());
  }

  private static void run(String... command) throws Exception {
    new ProcessBuilder(command).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
  }

  private void awaitReady() throws Exception {
    ProcessOutput.awaitLine(maven, "Rehearsal stack ready", STARTUP, "mvn -Plocal-stack");
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
