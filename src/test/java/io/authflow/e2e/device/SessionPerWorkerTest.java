package io.authflow.e2e.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.appium.java_client.service.local.AppiumDriverLocalService;
import io.authflow.e2e.config.Discovered;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.local.BrowserLookup;
import io.authflow.e2e.parts.StackWatch;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * target.sessionPerWorker on the browser build, with the local stack's real Appium and Chromium:
 * the second scenario gets the first one's session, on a blank page and with nothing the app
 * stored, and opens the app itself as with a new session.
 */
class SessionPerWorkerTest {
  // The run\'s: the scenarios of this test share its kept sessions.
  private final RunDevices devices = new RunDevices();
  private static AppiumDriverLocalService appium;
  private static HttpServer app;

  @BeforeAll
  static void startAppiumAndAPage() throws IOException {
    assertThat(TestAppium.SERVER)
        .as("installed by the build (npm ci in src/local/appium)")
        .isRegularFile();
    app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    app.createContext(
        "/",
        exchange -> {
          byte[] page =
              "<!doctype html><title>app</title><p>app</p>".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    app.start();
    appium = TestAppium.start(Path.of("src/local/appium"), "appium-browser.log");
  }

  @AfterEach
  void endTheKeptSessions() {
    devices.closeAll();
  }

  @AfterAll
  static void stop() {
    if (appium != null) {
      appium.stop();
    }
    if (app != null) {
      app.stop(0);
    }
  }

  @Test
  void theNextScenarioGetsTheSameSessionInANewTabAndItsStorageCleared() {
    String url = "http://127.0.0.1:" + app.getAddress().getPort() + "/";
    HarnessConfig profile =
        Profiles.complete(
            "local",
            "",
            Map.of(
                "AUTHFLOW_TARGET_APPIUM",
                appium.getUrl().toString(),
                "AUTHFLOW_APP_URL",
                url,
                "AUTHFLOW_TARGET_SESSIONPERWORKER",
                "true"));
    // This machine's browser and driver, as the local stack adds them.
    HarnessConfig config =
        profile.completedBy(
            new Discovered(
                "",
                "",
                Optional.empty(),
                List.of(),
                BrowserLookup.forThisMachine().find(profile.localStack()).capabilities()));

    AppSession first = new AppSession(config, devices, new StackWatch());
    first.launch();
    first.driver().get(url + "dashboard");
    first.driver().executeScript("localStorage.setItem('idToken', 'signed-in')");
    String session = first.driver().getSessionId().toString();
    first.dispose();

    AppSession second = new AppSession(config, devices, new StackWatch());
    var driver = second.driver();

    assertThat(driver.getSessionId()).hasToString(session);
    assertThat(driver.getCurrentUrl()).isEqualTo("about:blank");
    second.launch();
    assertThat(driver.getCurrentUrl()).isEqualTo(url);
    assertThat(driver.executeScript("return localStorage.getItem('idToken')")).isNull();
    second.dispose();
  }
}
