package io.authflow.e2e.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.authflow.e2e.config.ConfigException;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.config.Platform;
import io.authflow.e2e.config.TargetConfig.Farm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each target profile's validation: a run without its variables stops at config load with one
 * message naming every missing variable, and what the target section reads from the environment.
 */
class TargetProfilesTest {

  @ParameterizedTest(name = "{0} without its variables names {1}")
  @CsvSource({
    "browserstack-android, BROWSERSTACK_USERNAME BROWSERSTACK_ACCESS_KEY AUTHFLOW_TARGET_APP MAILOSAUR_API_KEY",
    "browserstack-ios, BROWSERSTACK_USERNAME BROWSERSTACK_ACCESS_KEY AUTHFLOW_TARGET_APP MAILOSAUR_API_KEY",
    "saucelabs-android, SAUCE_USERNAME SAUCE_ACCESS_KEY AUTHFLOW_TARGET_APP MAILOSAUR_API_KEY",
    "saucelabs-ios, SAUCE_USERNAME SAUCE_ACCESS_KEY AUTHFLOW_TARGET_APP MAILOSAUR_API_KEY",
    "lambdatest-android, LT_USERNAME LT_ACCESS_KEY AUTHFLOW_TARGET_APP MAILOSAUR_API_KEY",
    "aws-device-farm, AUTHFLOW_TARGET_APP MAILOSAUR_API_KEY",
    "grid, AUTHFLOW_TARGET_APP MAILOSAUR_API_KEY",
    "android-emulator, AUTHFLOW_TARGET_APP MAILOSAUR_API_KEY",
    "ios-simulator, AUTHFLOW_TARGET_APP MAILOSAUR_API_KEY"
  })
  void aProfileWithoutItsVariablesNamesEveryOneInOneMessage(String env, String variables) {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> Profiles.load(env, Profiles.otherSections(), Map.of()));

    for (String variable : variables.split(" ")) {
      assertThat(e.getMessage()).contains(variable);
    }
    List<String> farmProblems =
        e.problems().stream().filter(p -> p.contains("environment variable")).toList();
    // AUTHFLOW_TARGET_APP is a missing key; the others are missing variables (MAILOSAUR_API_KEY
    // too: every remote profile reads its codes from Mailosaur).
    assertThat(farmProblems).hasSize(variables.split(" ").length - 1);
    assertThat(farmProblems)
        .allSatisfy(p -> assertThat(p).contains("export ").contains(env + ".yaml"));
  }

  @Test
  void aBlankVariableCountsAsMissing() {
    Map<String, String> variables = new HashMap<>(Profiles.FARM_CREDENTIALS);
    variables.put("BROWSERSTACK_ACCESS_KEY", "  ");
    variables.put("AUTHFLOW_TARGET_APP", "bs://abc");

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> Profiles.load("browserstack-android", Profiles.otherSections(), variables));

    assertThat(e.problems()).singleElement().asString().contains("BROWSERSTACK_ACCESS_KEY");
  }

  @Test
  void credentialsComeFromTheNamedVariablesAndNeverShowInText() {
    HarnessConfig config = Profiles.complete("saucelabs-ios", "storage:abc", Map.of());

    var credentials = config.target().credentials();
    assertThat(credentials.username()).isEqualTo("sauce-user");
    assertThat(credentials.accessKey()).isEqualTo("sauce-secret-key");
    assertThat(config.toString()).doesNotContain("sauce-secret-key").contains("SAUCE_ACCESS_KEY");
    assertThat(config.target().farm()).isEqualTo(Farm.SAUCELABS);
    assertThat(config.target().platform()).isEqualTo(Platform.IOS);
  }

  @Test
  void aLocalAppThatDoesNotExistIsNamed() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> Profiles.complete("browserstack-android", "build/app-release.apk", Map.of()));

    assertThat(e.problems())
        .singleElement()
        .asString()
        .contains("target.app 'build/app-release.apk' does not exist")
        .contains("AUTHFLOW_TARGET_APP");
  }

  @Test
  void aGridAppIsTheNodesBusinessAndNotCheckedHere() {
    HarnessConfig config = Profiles.complete("grid", "/opt/apps/authflow.apk", Map.of());

    assertThat(config.target().app()).isEqualTo("/opt/apps/authflow.apk");
  }

  @Test
  void udidsComeAsAListFromTheEnvironment() {
    HarnessConfig config =
        Profiles.complete(
            "android-emulator",
            Profiles.PLACEHOLDER_APK.toString(),
            Map.of("AUTHFLOW_TARGET_UDIDS", "emulator-5554, emulator-5556"));

    assertThat(config.target().udids()).containsExactly("emulator-5554", "emulator-5556");
  }

  @Test
  void aSessionPerWorkerOnAPhoneNeedsTheAppIdToResetIt() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                Profiles.complete(
                    "ios-simulator",
                    Profiles.PLACEHOLDER_IPA.toString(),
                    Map.of("AUTHFLOW_TARGET_SESSIONPERWORKER", "true")));

    assertThat(e.problems())
        .singleElement()
        .asString()
        .contains("target.sessionPerWorker")
        .contains("appium:bundleId");
  }

  @Test
  void theBrowserBuildKeepsItsSessionPerWorkerWithoutAnAppId() {
    HarnessConfig config =
        Profiles.complete("local", "", Map.of("AUTHFLOW_TARGET_SESSIONPERWORKER", "true"));

    assertThat(config.target().sessionPerWorker()).isTrue();
    assertThat(config.target().farm()).isEqualTo(Farm.NONE);
  }

  @Test
  void anUnknownFarmListsTheKnownOnes() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                Profiles.complete(
                    "android-emulator",
                    Profiles.PLACEHOLDER_APK.toString(),
                    Map.of("AUTHFLOW_TARGET_FARM", "browserstak")));

    assertThat(e.getMessage())
        .contains("target.farm is 'browserstak'")
        .contains("none, browserstack, saucelabs, lambdatest, aws-device-farm, grid");
  }
}
