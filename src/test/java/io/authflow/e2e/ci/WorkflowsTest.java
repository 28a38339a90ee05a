package io.authflow.e2e.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The nightly cannot be run here (it needs farm accounts), so what makes it start is checked
 * against what is proven: its Maven command lines are the ones the pull-request workflow and
 * .ci/rehearse run against the rehearsal environment, and it sets every variable a farm profile
 * with a Mailosaur inbox and a real pool needs.
 */
class WorkflowsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final List<String> FARM_JOBS = List.of("farms", "otp-sms");

  private final JsonNode nightly = read(".github/workflows/nightly.yml");
  private final JsonNode pullRequest = read(".github/workflows/pull-request.yml");

  @Test
  void theNightlysMavenLinesRunVerbatimInThePullRequestJobAndInCiRehearse() throws IOException {
    List<String> nightlyLines = mavenLines(nightly, FARM_JOBS);
    List<String> rehearsed = mavenLines(pullRequest, List.of("rehearsal"));
    List<String> script = Files.readAllLines(Path.of(".ci/rehearse"));

    assertThat(nightlyLines).hasSize(2);
    assertThat(rehearsed).containsAll(nightlyLines);
    assertThat(script).containsAll(nightlyLines);
    assertThat(pullRequest.at("/jobs/rehearsal/env/AUTHFLOW_ENV").asText()).isEqualTo("rehearsal");
    assertThat(script).contains("export AUTHFLOW_ENV=rehearsal");
  }

  @Test
  void theFarmJobsSkipTheHarnessTestsExplicitlyAndSetEveryVariableTheRunStopsWithout() {
    for (String job : FARM_JOBS) {
      JsonNode env = nightly.at("/jobs/" + job + "/env");
      assertThat(env.path("AUTHFLOW_ENV").asText()).isEqualTo("${{ matrix.env }}");
      for (String variable :
          List.of(
              "AUTHFLOW_INBOX_SERVERID",
              "AUTHFLOW_USERS_EMAILDOMAIN",
              "AUTHFLOW_USERPOOL_DISPOSABLE",
              "AUTHFLOW_USERS_MOBILE",
              "MAILOSAUR_API_KEY",
              "AWS_ACCESS_KEY_ID",
              "AWS_SECRET_ACCESS_KEY")) {
        assertThat(env.path(variable).asText()).as(job + " sets " + variable).isNotEmpty();
      }
      assertThat(env.path("AUTHFLOW_USERS_EMAILDOMAIN").asText())
          .isEqualTo("${{ vars.AUTHFLOW_INBOX_SERVERID }}.mailosaur.net");
    }
    assertThat(mavenLines(nightly, FARM_JOBS))
        .allSatisfy(
            line ->
                assertThat(line)
                    .contains("-Dharness.tests.skip=true")
                    .doesNotContain("-Dtest=none")
                    .doesNotContain("@local-stack"));
  }

  @Test
  void smsScenariosRunOneFarmAtATimeAndOneScenarioAtATime() throws IOException {
    assertThat(mavenLines(nightly, List.of("farms")))
        .singleElement()
        .asString()
        .contains("-Dcucumber.filter.tags=\"not @otp-sms\"");
    assertThat(mavenLines(nightly, List.of("otp-sms")))
        .singleElement()
        .asString()
        .contains("-Dcucumber.filter.tags=\"@otp-sms\"");
    assertThat(nightly.at("/jobs/otp-sms/strategy/max-parallel").asInt()).isEqualTo(1);
    assertThat(nightly.at("/jobs/otp-sms/strategy/matrix/include"))
        .isEqualTo(nightly.at("/jobs/farms/strategy/matrix/include"));
    for (JsonNode farm : nightly.at("/jobs/farms/strategy/matrix/include")) {
      assertThat(Path.of("config", farm.path("env").asText() + ".yaml")).isRegularFile();
    }
    Properties junit = new Properties();
    try (InputStream in =
        Files.newInputStream(Path.of("src/test/resources/junit-platform.properties"))) {
      junit.load(in);
    }
    assertThat(junit.getProperty("cucumber.execution.exclusive-resources.otp-sms.read-write"))
        .isNotBlank();
  }

  /** The run: lines of a job's steps that call Maven, as the shell gets them. */
  private static List<String> mavenLines(JsonNode workflow, List<String> jobs) {
    List<String> lines = new ArrayList<>();
    for (String job : jobs) {
      for (JsonNode step : workflow.at("/jobs/" + job + "/steps")) {
        String run = step.path("run").asText("");
        if (run.startsWith("mvn ")) {
          lines.add(run.strip());
        }
      }
    }
    return lines;
  }

  private static JsonNode read(String file) {
    try {
      return YAML.readTree(Path.of(file).toFile());
    } catch (IOException e) {
      throw new IllegalStateException(file + " is not readable YAML: " + e.getMessage(), e);
    }
  }
}
