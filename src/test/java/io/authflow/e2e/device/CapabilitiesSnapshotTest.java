package io.authflow.e2e.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.authflow.e2e.config.HarnessConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Capabilities;
import org.openqa.selenium.json.Json;

/**
 * The capabilities each profile sends, as JSON snapshots under src/test/resources/capabilities, and
 * each farm's documented shape checked key by key. A changed snapshot is a changed request to a
 * farm: a failing run writes the actual capabilities under target/capabilities-actual/ for review;
 * copying them over a snapshot is a person's decision, never the test's.
 */
class CapabilitiesSnapshotTest {
  private static final Path SNAPSHOTS = Path.of("src/test/resources/capabilities");
  private static final Path ACTUAL = Path.of("target/capabilities-actual");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "local",
        "android-emulator",
        "ios-simulator",
        "browserstack-android",
        "browserstack-ios",
        "saucelabs-android",
        "saucelabs-ios",
        "lambdatest-android",
        "aws-device-farm",
        "grid"
      })
  void eachProfileSendsItsSnapshot(String env) throws IOException {
    String actual =
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(capabilities(env, Map.of()))
            + "\n";
    Path snapshot = SNAPSHOTS.resolve(env + ".json");
    String expected = Files.isRegularFile(snapshot) ? Files.readString(snapshot) : "";
    if (!actual.equals(expected)) {
      // Never written over by the run it checks: the actual request goes beside, for a person to
      // review and copy.
      Path proposed = ACTUAL.resolve(env + ".json");
      Files.createDirectories(ACTUAL);
      Files.writeString(proposed, actual);
      fail(
          "The capabilities of "
              + env
              + (expected.isEmpty() ? " have no snapshot " + snapshot : " differ from " + snapshot)
              + ". Review them (diff "
              + snapshot
              + " "
              + proposed
              + "); if the change is intended, copy "
              + proposed
              + " over the snapshot.");
    }
  }

  @Test
  void browserStackTakesItsOptionsInBstackOptions() {
    for (String env : new String[] {"browserstack-android", "browserstack-ios"}) {
      Map<String, Object> caps = capabilities(env, Map.of());
      assertThat(caps).containsKeys("platformName", "appium:automationName", "appium:app");
      assertThat((String) caps.get("appium:app")).startsWith("bs://");
      assertThat(options(caps, "bstack:options"))
          .containsOnlyKeys(
              "userName",
              "accessKey",
              "projectName",
              "buildName",
              "sessionName",
              "deviceName",
              "osVersion")
          .containsEntry("userName", "bs-user")
          .containsEntry("accessKey", "bs-secret-key");
      // BrowserStack reads the device from bstack:options only.
      assertThat(caps).doesNotContainKeys("appium:deviceName", "appium:udid");
    }
  }

  @Test
  void sauceLabsTakesTheDeviceAsAppiumKeysAndTheRestInSauceOptions() {
    Map<String, Object> caps = capabilities("saucelabs-android", Map.of());
    assertThat(caps)
        // Selenium sends the platform in capitals; Appium and the farms compare it ignoring case.
        .containsEntry("platformName", "ANDROID")
        .containsEntry("appium:automationName", "UiAutomator2")
        .containsEntry("appium:deviceName", "Google Pixel.*");
    assertThat((String) caps.get("appium:app")).startsWith("storage:");
    assertThat(options(caps, "sauce:options"))
        .containsOnlyKeys("username", "accessKey", "build", "name", "appiumVersion")
        .containsEntry("accessKey", "sauce-secret-key");

    Map<String, Object> pinned =
        capabilities("saucelabs-android", Map.of("AUTHFLOW_TARGET_OSVERSION", "14"));
    assertThat(pinned).containsEntry("appium:platformVersion", "14");
  }

  @Test
  void lambdaTestTakesEverythingInLtOptions() {
    Map<String, Object> caps = capabilities("lambdatest-android", Map.of());
    assertThat(options(caps, "lt:options"))
        .containsKeys(
            "user",
            "accessKey",
            "build",
            "name",
            "platformName",
            "deviceName",
            "platformVersion",
            "isRealMobile",
            "app",
            "newCommandTimeout")
        .containsEntry("isRealMobile", true)
        .containsEntry("platformName", "android")
        .containsEntry("app", "lt://APP10160301691753941998244672");
    assertThat(caps).doesNotContainKeys("appium:app", "appium:newCommandTimeout");
  }

  @Test
  void everyTargetKeepsAnIdleSessionLongerThanTheLongestWait() {
    for (String env : new String[] {"local", "android-emulator", "browserstack-android", "grid"}) {
      assertThat(capabilities(env, Map.of("AUTHFLOW_TIMEOUTS_CODE", "PT5M")))
          .as(env)
          .containsEntry("appium:newCommandTimeout", 360);
    }
    assertThat(
            options(
                capabilities("lambdatest-android", Map.of("AUTHFLOW_TIMEOUTS_CODE", "PT5M")),
                "lt:options"))
        .containsEntry("newCommandTimeout", 360);
  }

  @Test
  void aProfileCanSetItsOwnNewCommandTimeout() {
    HarnessConfig config =
        Profiles.complete("android-emulator", Profiles.appFor("android-emulator"), Map.of());
    var caps =
        SessionOptions.forTarget(
            withCapabilities(config, Map.of("appium:newCommandTimeout", 20)),
            config.timeouts(),
            "x",
            "app.apk",
            Optional.empty());
    assertThat(SessionOptions.newCommandTimeout(caps, config.target().farm()))
        .contains(java.time.Duration.ofSeconds(20));
  }

  @Test
  void aProfileAddsToAVendorMapWithoutLosingTheCredentials() {
    Map<String, Object> caps =
        withExtra("browserstack-android", "bstack:options", Map.of("networkLogs", true));
    assertThat(options(caps, "bstack:options"))
        .containsEntry("networkLogs", true)
        .containsEntry("userName", "bs-user")
        .containsEntry("deviceName", "Google Pixel 8");
  }

  @Test
  void aWorkersDeviceIsSentAsItsUdid() {
    HarnessConfig config = config("android-emulator", Map.of());
    var caps =
        SessionOptions.forTarget(
            config.target(), config.timeouts(), "x", "app.apk", Optional.of("emulator-5556"));
    assertThat(caps.getCapability("appium:udid")).isEqualTo("emulator-5556");
  }

  @Test
  @SuppressWarnings("unchecked")
  void chromiumArgumentsOfAProfileAndOfTheRunComeAfterTheHeadlessOnes() {
    var caps =
        capabilities(
            "local",
            Map.of(
                "AUTHFLOW_TARGET_BROWSERARGS",
                "[\"--host-resolver-rules=MAP a.example 127.0.0.1:1,MAP b.example 127.0.0.1:1\"]"));
    assertThat((List<String>) options(caps, "goog:chromeOptions").get("args"))
        .startsWith("--headless=new")
        .endsWith("--host-resolver-rules=MAP a.example 127.0.0.1:1,MAP b.example 127.0.0.1:1");

    var withOwn = withExtra("local", "goog:chromeOptions", Map.of("args", List.of("--lang=de")));
    assertThat((List<String>) options(withOwn, "goog:chromeOptions").get("args"))
        .as("a profile's own arguments are added, not put in place of the headless ones")
        .startsWith("--headless=new")
        .endsWith("--lang=de");
  }

  static Map<String, Object> capabilities(String env, Map<String, String> variables) {
    HarnessConfig config = config(env, variables);
    Optional<String> udid =
        config.target().udids().isEmpty()
            ? Optional.empty()
            : Optional.of(config.target().udids().get(0));
    return onTheWire(
        SessionOptions.forTarget(
            config.target(), config.timeouts(), config.env(), config.target().app(), udid));
  }

  /** As Selenium sends them in the new-session request (platformName as text, and so on). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> onTheWire(Capabilities caps) {
    try {
      return new TreeMap<>(JSON.readValue(new Json().toJson(caps), Map.class));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** With a capability added the way a profile's target.capabilities would add it. */
  private static Map<String, Object> withExtra(String env, String key, Map<String, Object> value) {
    HarnessConfig config = config(env, Map.of());
    return onTheWire(
        SessionOptions.forTarget(
            withCapabilities(config, Map.of(key, value)),
            config.timeouts(),
            env,
            config.target().app(),
            Optional.empty()));
  }

  private static io.authflow.e2e.config.TargetConfig withCapabilities(
      HarnessConfig config, Map<String, Object> capabilities) {
    var target = config.target();
    return new io.authflow.e2e.config.TargetConfig(
        target.platform(),
        target.appium(),
        target.farm(),
        target.app(),
        target.device(),
        target.osVersion(),
        target.appiumVersion(),
        target.build(),
        target.credentials(),
        target.udids(),
        target.sessionPerWorker(),
        capabilities,
        target.browserArgs());
  }

  private static HarnessConfig config(String env, Map<String, String> variables) {
    return Profiles.complete(env, Profiles.appFor(env), variables);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> options(Map<String, Object> caps, String key) {
    assertThat(caps).containsKey(key);
    return (Map<String, Object>) caps.get(key);
  }
}
