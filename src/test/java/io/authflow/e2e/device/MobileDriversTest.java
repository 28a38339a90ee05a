package io.authflow.e2e.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.appium.java_client.service.local.AppiumDriverLocalService;
import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.parts.StackWatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Appium 3 server with the UiAutomator2 and XCUITest drivers (src/local/appium-mobile) takes
 * the android-emulator and ios-simulator profiles' capabilities and stops only where a device is
 * needed, and our error says so; a mistyped capability is refused before that, and our error does
 * not blame the device.
 */
class MobileDriversTest {
  private static final Path DRIVERS = Path.of("src/local/appium-mobile");
  private static AppiumDriverLocalService appium;

  @TempDir Path configDir;

  @BeforeAll
  static void startAppiumWithTheMobileDrivers() throws Exception {
    assertThat(TestAppium.SERVER)
        .as("Appium is installed by the build (src/local/prepare.sh, npm ci in src/local/appium)")
        .isRegularFile();
    installDrivers();
    appium = TestAppium.start(DRIVERS, "appium-mobile.log");
  }

  @AfterAll
  static void stopAppium() {
    if (appium != null) {
      appium.stop();
    }
  }

  @Test
  void anAndroidSessionFailsOnlyForTheMissingAndroidSdk() {
    HarnessConfig config = profile("android-emulator", Profiles.PLACEHOLDER_APK);

    SessionStartException e = sessionFails(config);

    assertThat(e.getMessage())
        .contains("could not start a android session (android-emulator environment)")
        .containsPattern("ANDROID_HOME|ANDROID_SDK_ROOT")
        .contains("The server accepted the capabilities but has no device for them");
  }

  @Test
  void anIosSessionFailsOnlyForTheMissingMac() {
    HarnessConfig config = profile("ios-simulator", Profiles.PLACEHOLDER_IPA);

    SessionStartException e = sessionFails(config);

    assertThat(e.getMessage())
        .contains("could not start a ios session (ios-simulator environment)")
        .contains("macOS")
        .contains("The server accepted the capabilities but has no device for them");
  }

  @Test
  void aMistypedCapabilityIsRefusedBeforeAnyDeviceIsLookedFor() throws IOException {
    Files.copy(Path.of("config/defaults.yaml"), configDir.resolve("defaults.yaml"));
    Files.writeString(
        configDir.resolve("typo.yaml"),
        """
        stack: none
        target:
          platform: android
          appium: %s
          app: %s
          capabilities:
            appium:app: 42
        inbox:
          type: mailosaur
        """
            .formatted(appium.getUrl(), Profiles.PLACEHOLDER_APK.toAbsolutePath()));
    HarnessConfig config =
        new ConfigLoader(configDir, Profiles.otherSections(), Profiles.FARM_CREDENTIALS)
            .load("typo");

    SessionStartException e = sessionFails(config);

    assertThat(e.getMessage())
        .contains("'app' must be of type string")
        .contains("Check that the server runs and has the driver for this platform")
        .doesNotContain("no device");
  }

  private HarnessConfig profile(String env, Path app) {
    return Profiles.complete(
        env, app.toString(), Map.of("AUTHFLOW_TARGET_APPIUM", appium.getUrl().toString()));
  }

  private static SessionStartException sessionFails(HarnessConfig config) {
    AppSession session = new AppSession(config, new RunDevices(), new StackWatch());
    try {
      return catchThrowableOfType(SessionStartException.class, session::driver);
    } finally {
      session.dispose();
    }
  }

  /**
   * npm ci from the lock file, only when it changed since the last install (as prepare.sh does).
   */
  private static void installDrivers() throws Exception {
    Path stamp = DRIVERS.resolve("node_modules/.authflow-lock.sha256");
    String want = sha256(DRIVERS.resolve("package-lock.json"));
    if (Files.isRegularFile(stamp) && Files.readString(stamp).trim().equals(want)) {
      return;
    }
    Process npm =
        new ProcessBuilder(
                "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error")
            .directory(DRIVERS.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!npm.waitFor(5, TimeUnit.MINUTES)) {
      npm.destroyForcibly();
      throw new IllegalStateException("npm ci in " + DRIVERS + " did not finish within 5 minutes");
    }
    assertThat(npm.exitValue()).as("npm ci in %s", DRIVERS).isZero();
    Files.writeString(stamp, want + "\n");
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
