package io.authflow.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the harness adds to Allure's results directory. */
class AllureResultsTest {
  @TempDir Path dir;

  @Test
  void aScenarioThatFailedAndThenPassedIsMarkedFlakyAndOthersAreLeftAlone() throws IOException {
    result("a1", "rerun-ok", "failed", 100);
    result("a2", "rerun-ok", "passed", 200);
    result("b1", "still-failing", "failed", 100);
    result("b2", "still-failing", "broken", 200);
    result("c1", "always-green", "passed", 100);
    result("d1", "passed-then-failed", "passed", 100);
    result("d2", "passed-then-failed", "failed", 200);
    AllureResults results = new AllureResults(dir);

    assertThat(results.markFlaky()).isEqualTo(1);
    assertThat(results.markFlaky()).as("marking again changes nothing").isZero();

    assertThat(flaky("a2")).isTrue();
    assertThat(flaky("a1")).isFalse();
    assertThat(flaky("b2")).isFalse();
    assertThat(flaky("c1")).isFalse();
    assertThat(flaky("d2")).isFalse();
  }

  @Test
  void eachResultGetsItsJourneyAsEpicOnce() throws IOException {
    Files.writeString(
        dir.resolve("r1-result.json"),
        "{\"uuid\":\"r1\",\"labels\":[{\"name\":\"feature\",\"value\":\"Sign in\"},"
            + "{\"name\":\"gherkin_uri\",\"value\":\"file:///p/features/returning_user/sign_in.feature\"}]}");
    Files.writeString(
        dir.resolve("r2-result.json"),
        "{\"uuid\":\"r2\",\"labels\":[{\"name\":\"gherkin_uri\",\"value\":\"file:///p/elsewhere/x.feature\"}]}");
    AllureResults results = new AllureResults(dir);

    assertThat(results.labelJourneys()).isEqualTo(1);
    assertThat(results.labelJourneys()).isZero();
    assertThat(Files.readString(dir.resolve("r1-result.json")))
        .contains("{\"name\":\"epic\",\"value\":\"Returning user\"}");
    assertThat(Files.readString(dir.resolve("r2-result.json"))).doesNotContain("epic");
  }

  @Test
  void environmentPropertiesReadBackAsWritten() throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("Appium server", "http://127.0.0.1:4723/");
    entries.put("User pool", "eu-west-1 eu-west-1_****23");
    new AllureResults(dir).writeEnvironment(entries);

    Properties read = new Properties();
    try (var in = Files.newBufferedReader(dir.resolve("environment.properties"))) {
      read.load(in);
    }
    assertThat(read).containsExactlyInAnyOrderEntriesOf(entries);
  }

  @Test
  void categoriesAreCopiedIntoTheResults() {
    new AllureResults(dir).writeCategories();

    assertThat(dir.resolve("categories.json"))
        .content()
        .contains("\"Environment faults\"", "\"App defects\"", "\"Test-data problems\"");
  }

  @Test
  void theLastReportsHistoryIsCarriedIntoTheResults(@TempDir Path report) throws IOException {
    AllureResults results = new AllureResults(dir.resolve("allure-results"));
    assertThat(results.carryHistoryFrom(report)).as("no report yet").isFalse();

    Files.createDirectories(report.resolve("history"));
    Files.writeString(report.resolve("history/history-trend.json"), "[{\"data\":{\"passed\":3}}]");
    Files.writeString(report.resolve("history/history.json"), "{}");

    assertThat(results.carryHistoryFrom(report)).isTrue();
    assertThat(dir.resolve("allure-results/history/history-trend.json"))
        .content()
        .isEqualTo("[{\"data\":{\"passed\":3}}]");
    assertThat(dir.resolve("allure-results/history/history.json")).exists();
  }

  @Test
  void githubActionsNamesTheBuildAndLinksToItsRun() throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_SERVER_URL", "https://github.example");
    env.put("GITHUB_REPOSITORY", "acme/app");
    env.put("GITHUB_RUN_ID", "987654");
    env.put("GITHUB_RUN_NUMBER", "42");
    env.put("GITHUB_WORKFLOW", "nightly");
    env.put("GITHUB_JOB", "farm");

    assertThat(new AllureResults(dir).writeExecutor(env)).isTrue();

    var executor = new ObjectMapper().readTree(dir.resolve("executor.json").toFile());
    assertThat(executor.path("type").asText()).isEqualTo("github");
    assertThat(executor.path("buildOrder").asLong()).isEqualTo(42);
    assertThat(executor.path("buildName").asText()).isEqualTo("nightly #42 (farm)");
    assertThat(executor.path("buildUrl").asText())
        .isEqualTo("https://github.example/acme/app/actions/runs/987654");
    assertThat(executor.path("url").asText()).isEqualTo("https://github.example/acme/app");
  }

  @Test
  void outsideCiThereIsNoExecutor() {
    assertThat(new AllureResults(dir).writeExecutor(Map.of("CI", "true"))).isFalse();
    assertThat(dir.resolve("executor.json")).doesNotExist();
  }

  private void result(String uuid, String historyId, String status, long stop) throws IOException {
    Files.writeString(
        dir.resolve(uuid + "-result.json"),
        "{\"uuid\":\"%s\",\"historyId\":\"%s\",\"status\":\"%s\",\"statusDetails\":{\"known\":false,\"muted\":false,\"flaky\":false},\"start\":%d,\"stop\":%d}"
            .formatted(uuid, historyId, status, stop - 50, stop));
  }

  private boolean flaky(String uuid) throws IOException {
    return new ObjectMapper()
        .readTree(dir.resolve(uuid + "-result.json").toFile())
        .path("statusDetails")
        .path("flaky")
        .asBoolean();
  }
}
