package io.authflow.e2e.local;

import io.authflow.e2e.config.LocalStackConfig;
import io.authflow.e2e.parts.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.json.Json;

/**
 * Appium 3 from src/local/appium, whose package.json is also its APPIUM_HOME: the chromium driver
 * comes from the same lock file, so nothing is downloaded when a run starts. It runs under the
 * run's tether, so it, ChromeDriver and Chromium die with this JVM.
 */
final class AppiumServer extends StackPart {
  private static final Duration STATUS_POLL = Duration.ofMillis(25);
  private final Path home;
  private final Duration timeout;
  private final LocalStackConfig configured;
  private final BrowserLookup lookup;
  private BrowserLookup.Found browser;
  private NodeProcess process;
  private String url;
  private HttpClient client;

  AppiumServer(
      Path home, Duration timeout, Path logDir, LocalStackConfig configured, BrowserLookup lookup) {
    super("appium", logDir);
    this.home = home.toAbsolutePath();
    this.timeout = timeout;
    this.configured = configured;
    this.lookup = lookup;
  }

  @Override
  public void start() {
    Path main = home.resolve("node_modules/appium/index.js");
    if (!Files.isRegularFile(main)) {
      throw failed(main + " is missing: 'mvn test' / 'mvn verify' install it (npm ci).", null);
    }
    Path realHome;
    try {
      // Appium caches where it found its drivers as absolute paths, for every later server of this
      // APPIUM_HOME: record real paths (not a linked copy's), and rebuild the cache each time so a
      // checkout that moved does not point nowhere. Rebuilding it is cheap.
      realHome = home.toRealPath();
      Files.deleteIfExists(realHome.resolve("node_modules/.cache/appium/extensions.yaml"));
    } catch (IOException e) {
      throw failed("cannot reset Appium's extension cache: " + e.getMessage(), e);
    }
    // Its own one-line message names what was looked for and how to set it; Appium's log is empty.
    browser = lookup.find(configured);
    int port = FreePorts.next();
    url = "http://127.0.0.1:" + port + "/";
    try {
      process =
          NodeProcess.startLoggingItself(
              name(),
              home.getParent(),
              main,
              List.of(
                  "--address",
                  "127.0.0.1",
                  "--port",
                  String.valueOf(port),
                  "--log",
                  log().toAbsolutePath().toString(),
                  // Appium logs every sendKeys body; these rules hide typed text (passwords)
                  // before a line reaches the log.
                  "--log-filters",
                  logFilters().toString(),
                  // Where this machine's ChromeDriver is belongs to the server's host: sessions
                  // that come from elsewhere (a rehearsal run, a Grid node's relay) get it too.
                  "--default-capabilities",
                  serverDefaults()),
              realHome,
              log(),
              Map.of("APPIUM_HOME", realHome.toString()));
    } catch (IOException e) {
      throw failed("cannot start it: " + e.getMessage(), e);
    }
    awaitStatus();
  }

  /**
   * Polls /status until it answers: often, as the run's first session waits on it (a client's
   * backing-off poll found it up to 0.3 s late).
   */
  private void awaitStatus() {
    client = HttpClient.newBuilder().connectTimeout(timeout).build();
    var status = HttpRequest.newBuilder(URI.create(url + "status")).timeout(timeout).build();
    try {
      Awaitility.await()
          .atMost(timeout)
          .pollInterval(STATUS_POLL)
          .until(() -> !process.alive() || answers(status));
    } catch (ConditionTimeoutException e) {
      throw failed(url + "status did not answer within " + timeout.toSeconds() + "s.", e);
    }
    if (!process.alive()) {
      throw failed("it exited with code " + process.exitCode() + ".", null);
    }
  }

  private boolean answers(HttpRequest status) {
    try {
      return client.send(status, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String serverDefaults() {
    return new Json()
        .toJson(
            browser
                .chromedriver()
                .<Map<String, Object>>map(path -> Map.of("appium:executable", path.toString()))
                .orElse(Map.of()));
  }

  /** The rules of appium-log-filters.json, as a file beside the log for the server to read. */
  private Path logFilters() throws IOException {
    Path rules = log().resolveSibling("appium-log-filters.json");
    try (InputStream in = AppiumServer.class.getResourceAsStream("/appium-log-filters.json")) {
      if (in == null) {
        throw new IOException("appium-log-filters.json is missing from the classpath");
      }
      Files.copy(in, rules, StandardCopyOption.REPLACE_EXISTING);
    }
    return rules;
  }

  /** The browser and driver its sessions use, found when it started. */
  BrowserLookup.Found browser() {
    return browser;
  }

  String url() {
    return url;
  }

  @Override
  Optional<String> stopped() {
    if (process == null || process.alive()) {
      return Optional.empty();
    }
    return Optional.of(died("Appium", "exit code " + process.exitCode()));
  }

  @Override
  Optional<String> unhealthy() {
    Optional<String> stopped = stopped();
    if (stopped.isPresent() || client == null) {
      return stopped;
    }
    try {
      var status =
          client.send(
              HttpRequest.newBuilder(URI.create(url + "status")).timeout(timeout).build(),
              HttpResponse.BodyHandlers.discarding());
      return status.statusCode() == 200
          ? Optional.empty()
          : Optional.of(died("Appium", "its /status answered HTTP " + status.statusCode()));
    } catch (IOException e) {
      return Optional.of(died("Appium", "it no longer answers at " + url + ": " + e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    if (process != null) {
      // Its tether ends the group (ChromeDriver, Chromium) within seconds; the stack's timeout is
      // the outer bound.
      process.stop(timeout);
    }
  }
}
