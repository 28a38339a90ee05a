package io.authflow.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.report.canary.CanaryRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Ctrl-C mid-run, automated: the real features against the embedded local stack, in a JVM of its
 * own as failsafe runs them (with the suite's plugins), get SIGINT, as do the stack's processes (a
 * terminal sends it to the whole process group), once the first scenario has finished. Nothing
 * after the signal is judged: no scenario is failed, the console ends with one line and no trace,
 * the rerun file of the last judged run stays, and the results that Allure reads say "run
 * interrupted". (Maven's side, the kept trend, is KeepJudgedTrendTest; the whole build is the drill
 * in docs/report.md.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterruptedRunTest {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final String LAST_JUDGED_RERUN = "file:features/new_user/sign_up.feature:17\n";
  private Path run;
  private String console;
  private List<String> results;

  @BeforeAll
  void interruptARunAfterItsFirstScenario() throws Exception {
    run = Files.createTempDirectory("authflow-interrupted-");
    for (String linked : List.of("src", "config", "features")) {
      Files.createSymbolicLink(run.resolve(linked), PROJECT.resolve(linked));
    }
    Files.createDirectories(run.resolve("reports"));
    Files.writeString(run.resolve("reports/rerun.txt"), LAST_JUDGED_RERUN);
    Path consoleFile = run.resolve("console.txt");
    Process features =
        new ProcessBuilder(
                // SIGINT ignored or as a terminal leaves it, whatever this JVM was started with
                // (a shell cannot take back an ignore it inherited; Perl can). exec: the signal
                // goes to the JVM itself, as with Maven's failsafe.
                "perl",
                "-e",
                "$SIG{INT} = '"
                    + (startedInTheBackground() ? "IGNORE" : "DEFAULT")
                    + "';"
                    + " exec @ARGV or die \"exec: $!\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CanaryRun.class.getName(),
                "features")
            .directory(run.toFile())
            .redirectErrorStream(true)
            .redirectOutput(consoleFile.toFile())
            .start();
    try {
      try {
        Awaitility.await("the first scenario's line on the console of the features' JVM")
            .atMost(4, TimeUnit.MINUTES)
            .pollInterval(java.time.Duration.ofMillis(200))
            .until(() -> Files.readString(consoleFile).lines().anyMatch(l -> l.startsWith("✔")));
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        throw new AssertionError(
            "No scenario passed within 4 minutes; the run's console:\n"
                + Files.readString(consoleFile),
            e);
      }
      interrupt(features);
      assertThat(features.waitFor(2, TimeUnit.MINUTES))
          .as("the features' JVM ended after the signal")
          .isTrue();
    } finally {
      features.destroyForcibly();
    }
    console = Files.readString(consoleFile);
    // Kept for a reader of the build: what the interrupted run printed.
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/interrupted-run-console.txt"), console);
    results = new ArrayList<>();
    try (Stream<Path> files = Files.list(run.resolve("reports/allure-results"))) {
      for (Path file : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
        results.add(Files.readString(file));
      }
    }
  }

  /**
   * Whether the features' JVM starts with SIGINT ignored, as a script's {@code mvn … &} or a
   * background CI step starts it ({@link InterruptedBackgroundRunTest}); here as a terminal does.
   */
  boolean startedInTheBackground() {
    return false;
  }

  @AfterAll
  void deleteTheRun() throws IOException {
    if (run != null) {
      io.authflow.e2e.local.ProjectCopies.delete(run);
    }
  }

  @Test
  void theConsoleEndsWithOneLineAndNoTrace() {
    List<String> scenarioLines =
        console.lines().filter(l -> l.startsWith("✔") || l.startsWith("✘")).toList();
    String ran = Integer.toString(scenarioLines.size());
    // CanaryRun's own count of the JUnit Platform's tests follows the run's summary line.
    List<String> ourLines =
        console.lines().filter(l -> !l.isBlank() && !l.startsWith("Canary run:")).toList();

    assertThat(scenarioLines).as("scenario lines").isNotEmpty().allMatch(l -> l.startsWith("✔"));
    assertThat(ourLines.get(ourLines.size() - 1))
        .startsWith("Interrupted after " + ran + " of ")
        .endsWith(" scenarios: " + ran + " passed; nothing was judged after the signal");
    assertThat(console).doesNotContainPattern("(?m)^\\s+at ").doesNotContain("Failed:");
  }

  @Test
  void theRerunFileOfTheLastJudgedRunStays() throws IOException {
    assertThat(Files.readString(run.resolve("reports/rerun.txt"))).isEqualTo(LAST_JUDGED_RERUN);
  }

  @Test
  void nothingAfterTheSignalIsFailedInTheResults() {
    assertThat(results)
        .isNotEmpty()
        .noneMatch(r -> r.contains("\"status\":\"failed\"") || r.contains("\"status\":\"broken\""))
        .anyMatch(r -> r.contains("\"status\":\"skipped\"") && r.contains("run interrupted"));
    assertThat(run.resolve("reports/allure-results/run-interrupted.txt")).exists();
  }

  /** As Ctrl-C in a terminal: SIGINT to the JVM and to every process of the run below it. */
  void interrupt(Process features) throws Exception {
    List<ProcessHandle> all = new ArrayList<>(List.of(features.toHandle()));
    features.descendants().forEach(all::add);
    signal(all);
  }

  static void signal(List<ProcessHandle> processes) throws Exception {
    List<String> kill = new ArrayList<>(List.of("kill", "-INT"));
    processes.forEach(p -> kill.add(Long.toString(p.pid())));
    Process signal = new ProcessBuilder(kill).redirectErrorStream(true).start();
    assertThat(signal.waitFor(10, TimeUnit.SECONDS)).as("kill -INT ended").isTrue();
  }
}
