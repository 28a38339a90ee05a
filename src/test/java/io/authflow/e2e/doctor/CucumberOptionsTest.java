package io.authflow.e2e.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cucumber's options are checked before the run: one line per bad one, naming the flag. */
class CucumberOptionsTest {

  @Test
  void theProjectsOwnOptionsPass() {
    assertThat(CucumberOptions.ofThisRun().problems()).isEmpty();
  }

  @Test
  void aMalformedTagExpressionIsOneLineNamingTheFlag() {
    var options = new CucumberOptions(Map.of(), Map.of("cucumber.filter.tags", "@smoke and"));

    assertThat(options.problems())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("-Dcucumber.filter.tags=\"@smoke and\": is not a tag expression: ")
        .contains("@smoke and")
        .doesNotContain("\n");
  }

  @Test
  void eachBadOptionIsListedAtOnceWithItsSource() {
    var options =
        new CucumberOptions(
            Map.of("cucumber.plugin", "pretty, htlm:reports/x.html"),
            Map.of(
                "cucumber.filter.name", "sign(in",
                "cucumber.execution.parallel.enabled", "ture",
                "cucumber.execution.parallel.config.fixed.parallelism", "two",
                "cucumber.filter.tag", "@smoke"));

    assertThat(options.problems())
        .hasSize(5)
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("-Dcucumber.filter.name=\"sign(in\": is not a regular expression"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "-Dcucumber.execution.parallel.enabled=\"ture\": must be true or false"))
        .anySatisfy(p -> assertThat(p).contains("fixed.parallelism=\"two\": 'two' is not a number"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .isEqualTo(
                        "-Dcucumber.filter.tag=\"@smoke\": Cucumber has no option cucumber.filter.tag;"
                            + " did you mean cucumber.filter.tags? It would be ignored."))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "cucumber.plugin in junit-platform.properties (src/test/resources): names a"
                            + " plugin Cucumber cannot use")
                    .contains("htlm"));
  }

  @Test
  void aFlagWinsOverTheFileAndTheFiltersSelectTheFeaturesScenarios() {
    var all = new CucumberOptions(Map.of(), Map.of());
    var smsLeftOut =
        new CucumberOptions(
            Map.of("cucumber.filter.tags", "@otp-sms"),
            Map.of("cucumber.filter.tags", "not @otp-sms"));

    var everything = SelectedScenarios.of(Path.of("features"), all);
    var withoutSms = SelectedScenarios.of(Path.of("features"), smsLeftOut);

    assertThat(everything.include("@otp-sms")).isTrue();
    assertThat(withoutSms.include("@otp-sms")).isFalse();
    assertThat(withoutSms.count()).isEqualTo(everything.count() - 1).isPositive();
  }
}
