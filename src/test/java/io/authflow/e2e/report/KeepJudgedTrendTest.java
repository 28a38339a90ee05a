package io.authflow.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.HarnessConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Maven's JVM does around `allure generate` (which rewrites the report's history from the
 * results): after an interrupted run the history is the last judged run's again, and the results
 * that ended after the signal are skipped, "run interrupted"; a judged run's history is Allure's
 * and becomes its trend's. Each app and environment keeps a trend of its own.
 */
class KeepJudgedTrendTest {
  private static final String JUDGED = "[{\"buildOrder\":1,\"data\":{\"failed\":1}}]";
  private static final ObjectMapper JSON = new ObjectMapper();
  private int builds;
  @TempDir Path dir;
  private Path report;
  private Path trend;
  private AllureResults results;

  @BeforeEach
  void aReportOfAJudgedRun() throws IOException {
    report = dir.resolve("allure-report");
    trend = dir.resolve("trends/local/reference");
    results = new AllureResults(dir.resolve("allure-results"));
    Files.createDirectories(report.resolve("history"));
    Files.writeString(report.resolve("history/history-trend.json"), JUDGED);
    Files.createDirectories(trend.resolve("history"));
    Files.writeString(trend.resolve("history/history-trend.json"), JUDGED);
    Files.createDirectories(results.directory());
  }

  @Test
  void anInterruptedRunLeavesTheHistoryAsTheLastJudgedRunLeftIt() throws IOException {
    Instant signal = Instant.parse("2026-01-01T10:00:00Z");
    Files.writeString(results.directory().resolve("run-interrupted.txt"), signal + " SIGINT\n");
    result("before", "passed", signal.minusSeconds(5));
    result("cut-short", "broken", signal.plusSeconds(1));

    results.markInterrupted(results.interruptedAt().orElseThrow());
    generateAsAllureDoes();
    boolean restored = KeepJudgedTrend.keep(results, report, trend);

    assertThat(restored).isTrue();
    assertThat(report.resolve("history/history-trend.json")).hasContent(JUDGED);
    assertThat(report.resolve("history/history.json")).doesNotExist();
    assertThat(trend.resolve("history/history-trend.json")).hasContent(JUDGED);
    assertThat(trend.resolve("history/history.json")).doesNotExist();
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

    generateAsAllureDoes();
    boolean restored = KeepJudgedTrend.keep(results, report, trend);

    assertThat(restored).isFalse();
    assertThat(report.resolve("history/history-trend.json")).hasContent("[advanced]");
    assertThat(trend.resolve("history/history-trend.json")).hasContent("[advanced]");
    assertThat(trend.resolve("history/history.json")).hasContent("{}");
  }

  /**
   * Three runs through Maven's steps (the features' JVM naming the trend, the history carried in,
   * Allure adding the run to it, the history kept): the reference app, the Authenticator app, the
   * reference app again.
   */
  @Test
  void runsOfTwoAppsLeaveTwoTrendsAndRunsOfOneAppAccumulateInOne() throws IOException {
    Path trends = dir.resolve("trends-of-runs");

    run(config("local", Map.of()), trends);
    run(config("local", Map.of("authflow.app.name", "amplify-authenticator")), trends);
    run(config("local", Map.of()), trends);

    assertThat(points(trends.resolve("local/reference"))).containsExactly(3, 1);
    assertThat(points(trends.resolve("local/amplify-authenticator"))).containsExactly(2);
    assertThat(points(report)).as("the last report's trend").containsExactly(3, 1);
  }

  @Test
  void aTeamsOwnBuildAndTheRevealingClientAreTrendsOfTheirOwn() {
    HarnessConfig ownBuild =
        config(
            "local",
            Map.of(
                "authflow.app.name", "amplify-authenticator",
                "authflow.local.appBuild", "src/local/expo/dist",
                "authflow.local.amplifyOutputs", "src/local/expo/amplify_outputs.json"));
    HarnessConfig revealing =
        config("local", Map.of("authflow.local.appClient", "revealsUserExistence"));

    assertThat(KeepJudgedTrend.keyOf(config("local", Map.of()))).isEqualTo("local/reference");
    assertThat(KeepJudgedTrend.keyOf(ownBuild))
        .isEqualTo("local/amplify-authenticator@src-local-expo-dist");
    assertThat(KeepJudgedTrend.keyOf(revealing)).isEqualTo("local+revealsUserExistence/reference");
  }

  private static HarnessConfig config(String env, Map<String, String> properties) {
    return new ConfigLoader(Path.of("config"), properties, Map.of()).load(env);
  }

  /** One run of {@code mvn verify} as far as the trend goes, numbered by its build order. */
  private void run(HarnessConfig config, Path trends) throws IOException {
    deleteRecursively(results.directory());
    Files.createDirectories(results.directory());
    KeepJudgedTrend.name(results, config);
    result("judged", "passed", Instant.now());
    PrepareAllureReport.main(new String[] {results.directory().toString(), trends.toString()});
    allureGenerate(++builds);
    KeepJudgedTrend.main(
        new String[] {results.directory().toString(), report.toString(), trends.toString()});
  }

  /**
   * As `allure generate --clean` does: the report's trend is the results' history plus this run.
   */
  private void allureGenerate(int buildOrder) throws IOException {
    Path carried = results.directory().resolve("history/history-trend.json");
    ArrayNode trend =
        Files.exists(carried)
            ? (ArrayNode) JSON.readTree(carried.toFile())
            : JSON.createArrayNode();
    trend.insertObject(0).put("buildOrder", buildOrder);
    deleteRecursively(report);
    Files.createDirectories(report.resolve("history"));
    JSON.writeValue(report.resolve("history/history-trend.json").toFile(), trend);
  }

  private static List<Integer> points(Path reportOrTrend) throws IOException {
    List<Integer> builds = new ArrayList<>();
    JSON.readTree(reportOrTrend.resolve("history/history-trend.json").toFile())
        .forEach(point -> builds.add(point.path("buildOrder").asInt()));
    return builds;
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (Files.exists(path)) {
      try (Stream<Path> files = Files.walk(path)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
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
