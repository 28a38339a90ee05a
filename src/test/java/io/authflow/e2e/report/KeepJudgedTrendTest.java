package io.authflow.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Maven's JVM does around `allure generate` (which rewrites the report's history from the
 * results): after an interrupted run the history is the last judged run's again, and the results
 * that ended after the signal are skipped, "run interrupted"; a judged run's history is Allure's.
 */
class KeepJudgedTrendTest {
  private static final String JUDGED = "[{\"buildOrder\":1,\"data\":{\"failed\":1}}]";
  @TempDir Path dir;
  private Path report;
  private Path kept;
  private AllureResults results;

  @BeforeEach
  void aReportOfAJudgedRun() throws IOException {
    report = dir.resolve("allure-report");
    kept = dir.resolve("kept");
    results = new AllureResults(dir.resolve("allure-results"));
    Files.createDirectories(report.resolve("history"));
    Files.writeString(report.resolve("history/history-trend.json"), JUDGED);
    Files.createDirectories(results.directory());
  }

  @Test
  void anInterruptedRunLeavesTheHistoryAsTheLastJudgedRunLeftIt() throws IOException {
    Instant signal = Instant.parse("2026-01-01T10:00:00Z");
    Files.writeString(results.directory().resolve("run-interrupted.txt"), signal + " SIGINT\n");
    result("before", "passed", signal.minusSeconds(5));
    result("cut-short", "broken", signal.plusSeconds(1));

    results.markInterrupted(results.interruptedAt().orElseThrow());
    KeepJudgedTrend.save(results, report, kept);
    generateAsAllureDoes();
    boolean restored = KeepJudgedTrend.restore(results, report, kept);

    assertThat(restored).isTrue();
    assertThat(report.resolve("history/history-trend.json")).hasContent(JUDGED);
    assertThat(report.resolve("history/history.json")).doesNotExist();
    assertThat(Files.readString(results.directory().resolve("before-result.json")))
        .contains("\"status\":\"passed\"");
    assertThat(Files.readString(results.directory().resolve("cut-short-result.json")))
        .contains("\"status\":\"skipped\"")
        .contains("\"message\":\"run interrupted\"")
        .doesNotContain("trace")
        .doesNotContain("broken");
  }

  @Test
  void aJudgedRunsHistoryIsAllures() throws IOException {
    result("judged", "failed", Instant.now());

    KeepJudgedTrend.save(results, report, kept);
    generateAsAllureDoes();
    boolean restored = KeepJudgedTrend.restore(results, report, kept);

    assertThat(restored).isFalse();
    assertThat(report.resolve("history/history-trend.json")).hasContent("[advanced]");
  }

  /** `allure generate --clean`: the report is made anew, its history advanced by this run. */
  private void generateAsAllureDoes() throws IOException {
    Files.delete(report.resolve("history/history-trend.json"));
    Files.writeString(report.resolve("history/history-trend.json"), "[advanced]");
    Files.writeString(report.resolve("history/history.json"), "{}");
  }

  private void result(String name, String status, Instant stop) throws IOException {
    Files.writeString(
        results.directory().resolve(name + "-result.json"),
        "{\"name\":\""
            + name
            + "\",\"status\":\""
            + status
            + "\",\"statusDetails\":{\"message\":\"x\",\"trace\":\"at y\"},\"stop\":"
            + stop.toEpochMilli()
            // Its step ended with it, a moment before: the part the signal stopped died first.
            + ",\"steps\":[{\"name\":\"a step\",\"status\":\""
            + status
            + "\",\"statusDetails\":{\"message\":\"x\",\"trace\":\"at y\"},\"stop\":"
            + (stop.toEpochMilli() - 1500)
            + "}]}");
  }
}
