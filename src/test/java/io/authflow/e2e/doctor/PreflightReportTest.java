package io.authflow.e2e.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.authflow.e2e.report.AllureResults;
import io.authflow.e2e.report.ConsoleProgress;
import io.authflow.e2e.report.RunOutcome;
import io.cucumber.plugin.event.EventHandler;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** A failed preflight shows in Allure, in the JUnit XML and in the console summary. */
class PreflightReportTest {
  private static final Checklist FAILED =
      new Checklist(
          "local",
          List.of(
              CheckResult.pass("Config valid", "config/local.yaml"),
              CheckResult.fail(
                  "Node.js",
                  "node is not on the PATH",
                  "install Node.js 20 (apt-get install nodejs)"),
              CheckResult.fail("Appium", "no answer at http://127.0.0.1:1/", "start Appium")),
          Duration.ofMillis(1200));

  @TempDir Path dir;
  private final RunOutcome outcome = new RunOutcome();

  @Test
  void eachFailedCheckIsABrokenPreflightEntryInAllureFiledAsAnEnvironmentFault()
      throws IOException {
    new PreflightReport(
            new AllureResults(dir.resolve("allure")), dir.resolve("preflight.xml"), outcome)
        .write(FAILED);

    List<JsonNode> results;
    try (Stream<Path> files = Files.list(dir.resolve("allure"))) {
      var json = new ObjectMapper();
      results =
          files
              .map(
                  f -> {
                    try {
                      return json.readTree(f.toFile());
                    } catch (IOException e) {
                      throw new AssertionError(e);
                    }
                  })
              .toList();
    }
    assertThat(results)
        .extracting(r -> r.path("name").asText())
        .containsExactlyInAnyOrder("Preflight: Node.js", "Preflight: Appium");
    assertThat(results).allSatisfy(r -> assertThat(r.path("status").asText()).isEqualTo("broken"));
    JsonNode node =
        results.stream()
            .filter(r -> r.path("name").asText().endsWith("Node.js"))
            .findFirst()
            .orElseThrow();
    assertThat(node.path("statusDetails").path("message").asText())
        .isEqualTo(
            "Node.js: node is not on the PATH Fix: install Node.js 20 (apt-get install nodejs)");
    String environmentFaults =
        new ObjectMapper()
            .readTree(getClass().getResourceAsStream("/allure/categories.json"))
            .get(0)
            .path("traceRegex")
            .asText();
    assertThat(node.path("statusDetails").path("trace").asText()).matches(environmentFaults);
  }

  @Test
  void theJUnitXmlHasEveryCheckAndFailsTheFailedOnes() throws Exception {
    Path xml = dir.resolve("preflight.xml");
    new PreflightReport(new AllureResults(dir.resolve("allure")), xml, outcome).write(FAILED);

    var suite =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(xml.toFile())
            .getDocumentElement();
    assertThat(suite.getAttribute("tests")).isEqualTo("3");
    assertThat(suite.getAttribute("failures")).isEqualTo("2");
    var failures = suite.getElementsByTagName("failure");
    assertThat(((Element) failures.item(1)).getAttribute("message"))
        .isEqualTo("Appium: no answer at http://127.0.0.1:1/ Fix: start Appium");
  }

  @Test
  void theConsoleSummarySaysThePreflightFailedWithOneLinePerFailedCheck() {
    new PreflightReport(
            new AllureResults(dir.resolve("allure")), dir.resolve("preflight.xml"), outcome)
        .write(FAILED);
    var out = new ByteArrayOutputStream();
    var console = new ConsoleProgress(new PrintStream(out, true, StandardCharsets.UTF_8), outcome);

    var handlers = new java.util.HashMap<Class<?>, EventHandler<?>>();
    console.setEventPublisher(
        new EventPublisher() {
          @Override
          public <T> void registerHandlerFor(Class<T> type, EventHandler<T> handler) {
            handlers.put(type, handler);
          }

          @Override
          public <T> void removeHandlerFor(Class<T> type, EventHandler<T> handler) {}
        });
    @SuppressWarnings("unchecked")
    var runFinished = (EventHandler<TestRunFinished>) handlers.get(TestRunFinished.class);
    runFinished.receive(
        new TestRunFinished(Instant.now(), new Result(Status.FAILED, Duration.ZERO, null)));

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Preflight failed: 2 of 3 checks; no scenario ran.")
        .contains("  ✘ Node.js: node is not on the PATH Fix: install Node.js 20")
        .contains("  ✘ Appium: no answer at http://127.0.0.1:1/ Fix: start Appium");
  }
}
