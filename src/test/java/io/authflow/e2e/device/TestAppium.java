package io.authflow.e2e.device;

import io.appium.java_client.service.local.AppiumDriverLocalService;
import io.appium.java_client.service.local.AppiumServiceBuilder;
import io.authflow.e2e.parts.FreePorts;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The project's Appium 3 (src/local/appium) on a loopback port, with the drivers of one home. */
final class TestAppium {
  static final Path SERVER = Path.of("src/local/appium/node_modules/appium/index.js");

  private TestAppium() {}

  /** {@code home} is the APPIUM_HOME whose drivers it uses; its log goes to the build dir. */
  static AppiumDriverLocalService start(Path home, String logName) throws IOException {
    Path log = Path.of(System.getProperty("build.dir", "target"), logName);
    Files.createDirectories(log.getParent());
    AppiumDriverLocalService appium =
        new AppiumServiceBuilder()
            .withAppiumJS(SERVER.toAbsolutePath().toFile())
            .withIPAddress("127.0.0.1")
            .usingPort(FreePorts.next())
            .withEnvironment(
                Map.of(
                    // The real path, as the harness gives it: Appium caches its drivers' paths.
                    "APPIUM_HOME", home.toRealPath().toString(), "PATH", System.getenv("PATH")))
            .withLogFile(new File(log.toString()))
            .withTimeout(Duration.ofSeconds(60))
            .build();
    appium.clearOutPutStreams();
    appium.start();
    return appium;
  }
}
