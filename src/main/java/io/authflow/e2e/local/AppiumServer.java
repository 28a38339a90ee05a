package io.authflow.e2e.local;

import io.appium.java_client.service.local.AppiumDriverLocalService;
import io.appium.java_client.service.local.AppiumServiceBuilder;
import io.authflow.e2e.config.LocalStackConfig;
import io.authflow.e2e.parts.FreePorts;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openqa.selenium.json.Json;

/**
 * Appium 3 from src/local/appium, whose package.json is also its APPIUM_HOME: the chromium driver
 * comes from the same lock file, so nothing is downloaded when a run starts.
 */
final class AppiumServer extends StackPart {
  private final Path home;
  private final Duration timeout;
  private final LocalStackConfig configured;
  private final BrowserLookup lookup;
  private AppiumDriverLocalService service;
  private BrowserLookup.Found browser;
  // The tether Appium runs under, for the stack's watch; null if it could not be told apart.
  private ProcessHandle process;

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
    try {
      Files.createDirectories(log().getParent());
      RunReaper reaper = RunReaper.current();
      // Appium runs under the run's tether, so it, ChromeDriver and Chromium die with this JVM.
      var environment = new HashMap<>(reaper.environment());
      environment.putAll(
          Map.of(
              "APPIUM_HOME", realHome.toString(),
              "PATH", System.getenv("PATH"),
              "AUTHFLOW_TETHER_MAIN", main.toRealPath().toString(),
              "AUTHFLOW_TETHER_LOG", log().toAbsolutePath().toString()));
      var builder = new AppiumServiceBuilder();
      NodeRuntime.maintained(home.getParent())
          .ifPresent(node -> builder.usingDriverExecutable(node.toFile()));
      service =
          builder
              .withAppiumJS(reaper.tether().toFile())
              .withIPAddress("127.0.0.1")
              .usingPort(FreePorts.next())
              .withEnvironment(environment)
              .withLogFile(new File(log().toString()))
              // Appium logs every sendKeys body; these rules hide typed text (passwords) before
              // a line reaches the log.
              .withArgument(() -> "--log-filters", logFilters().toString())
              // Where this machine's ChromeDriver is belongs to the server's host: sessions that
              // come from elsewhere (a rehearsal run, a Grid node's relay) get it too.
              .withArgument(() -> "--default-capabilities", serverDefaults())
              .withTimeout(timeout)
              .build();
      // Its log goes to the file only; the console stays readable.
      service.clearOutPutStreams();
      Set<Long> before = childPids();
      service.start();
      process =
          ProcessHandle.current()
              .children()
              .filter(p -> !before.contains(p.pid()))
              .filter(p -> p.info().commandLine().orElse("").contains(reaper.tether().toString()))
              .findFirst()
              .orElse(null);
      if (process != null) {
        reaper.part(name(), process);
      }
    } catch (IOException | RuntimeException e) {
      throw failed(String.valueOf(e.getMessage()).lines().findFirst().orElse("no message"), e);
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

  private static Set<Long> childPids() {
    return ProcessHandle.current()
        .children()
        .map(ProcessHandle::pid)
        .collect(java.util.stream.Collectors.toSet());
  }

  String url() {
    return service.getUrl().toString();
  }

  @Override
  Optional<String> stopped() {
    if (process == null || process.isAlive()) {
      return Optional.empty();
    }
    // Its launcher's exit code is not ours to read; the tether's note in the log says how it ended.
    return Optional.of(died("Appium", "its process ended"));
  }

  @Override
  Optional<String> unhealthy() {
    Optional<String> stopped = stopped();
    if (stopped.isPresent() || service == null) {
      return stopped;
    }
    var client = java.net.http.HttpClient.newBuilder().connectTimeout(timeout).build();
    try {
      var status =
          client.send(
              java.net.http.HttpRequest.newBuilder(URI.create(url() + "status"))
                  .timeout(timeout)
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.discarding());
      return status.statusCode() == 200
          ? Optional.empty()
          : Optional.of(died("Appium", "its /status answered HTTP " + status.statusCode()));
    } catch (IOException e) {
      return Optional.of(died("Appium", "it no longer answers at " + url() + ": " + e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    if (service != null) {
      service.stop();
    }
  }
}
