package io.authflow.e2e.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.authflow.e2e.local.NodeProcess;
import io.authflow.e2e.local.StackPart;
import io.authflow.e2e.parts.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Selenium Grid 4 from the org.seleniumhq.selenium:selenium-grid artifact on this JVM's class path
 * (the {@code local-stack} Maven profile adds it): a hub, and a node that relays sessions to the
 * local Appium server as Grid's relay configuration documents ({@code [relay]} with {@code url},
 * {@code status-endpoint} and {@code configs}), with one slot per parallel worker. Each runs in its
 * own JVM, as {@code java … org.openqa.selenium.grid.Main hub|node --config <toml>}.
 */
final class SeleniumGrid extends StackPart {
  static final String MAIN = "org.openqa.selenium.grid.Main";
  // What the harness asks for on the browser build (SessionOptions): the node's only stereotype.
  static final String STEREOTYPE =
      "{\"platformName\": \"linux\", \"browserName\": \"chrome\","
          + " \"appium:automationName\": \"Chromium\"}";

  private static final Duration STOP_GRACE = Duration.ofSeconds(2);
  private final String appiumUrl;
  private final int slots;
  private final Path configDir;
  private final Duration timeout;
  private final int hubPort = FreePorts.next();
  private NodeProcess hub;
  private NodeProcess node;

  SeleniumGrid(String appiumUrl, int slots, Path configDir, Duration timeout, Path logDir) {
    super("selenium-grid", logDir);
    this.appiumUrl = appiumUrl.replaceAll("/+$", "");
    this.slots = slots;
    this.configDir = configDir;
    this.timeout = timeout;
  }

  @Override
  public void start() {
    try {
      Class.forName(MAIN);
    } catch (ClassNotFoundException e) {
      throw failed(
          MAIN + " is not on the class path: start the rehearsal stack with mvn -Plocal-stack.", e);
    }
    int publish = FreePorts.next();
    int subscribe = FreePorts.next();
    String events =
        "[events]\n"
            + "publish = \"tcp://127.0.0.1:"
            + publish
            + "\"\n"
            + "subscribe = \"tcp://127.0.0.1:"
            + subscribe
            + "\"\n";
    String hubToml =
        "[server]\nhost = \"127.0.0.1\"\nport = " + hubPort + "\n\n" + events + "bind = true\n";
    String nodeToml =
        "[server]\nhost = \"127.0.0.1\"\nport = "
            + FreePorts.next()
            + "\n\n"
            + events
            + "\n[node]\ngrid-url = \""
            + url()
            + "\"\ndetect-drivers = false\nmax-sessions = "
            + slots
            + "\n\n[relay]\nurl = \""
            + appiumUrl
            + "\"\nstatus-endpoint = \"/status\"\nconfigs = [\""
            + slots
            + "\", '"
            + STEREOTYPE
            + "']\n";
    try {
      Files.createDirectories(configDir);
      Path hubConfig = Files.writeString(configDir.resolve("grid-hub.toml"), hubToml);
      Path nodeConfig = Files.writeString(configDir.resolve("grid-node.toml"), nodeToml);
      hub = NodeProcess.start("selenium-hub", command("hub", hubConfig), configDir, log());
      node =
          NodeProcess.start(
              "selenium-node",
              command("node", nodeConfig),
              configDir,
              log().resolveSibling("selenium-node.log"));
    } catch (IOException e) {
      throw failed(e.getMessage(), e);
    }
    awaitReady();
  }

  private static List<String> command(String role, Path config) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp",
        System.getProperty("java.class.path"),
        MAIN,
        role,
        "--config",
        config.toString());
  }

  /** Ready when the hub's /status says so: the node registered and has a free slot. */
  private void awaitReady() {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    AtomicReference<String> seen = new AtomicReference<>("no answer");
    try {
      Awaitility.await()
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                if (!hub.alive() || !node.alive()) {
                  return true;
                }
                try {
                  String body =
                      http.send(
                              HttpRequest.newBuilder(URI.create(url() + "/status")).build(),
                              HttpResponse.BodyHandlers.ofString())
                          .body();
                  seen.set(body);
                  return new ObjectMapper()
                      .readTree(body)
                      .path("value")
                      .path("ready")
                      .asBoolean(false);
                } catch (IOException e) {
                  seen.set(e.getClass().getSimpleName() + " " + e.getMessage());
                  return false;
                }
              });
    } catch (ConditionTimeoutException e) {
      throw failed(
          "the hub at "
              + url()
              + " was not ready within "
              + timeout.toSeconds()
              + "s; /status said: "
              + seen.get(),
          e);
    }
    if (!hub.alive() || !node.alive()) {
      throw failed(
          "the " + (hub.alive() ? "node (see selenium-node.log)" : "hub") + " exited at start.",
          null);
    }
  }

  /** The Grid's URL: what a run gives as target.appium. */
  String url() {
    return "http://127.0.0.1:" + hubPort;
  }

  @Override
  public void close() {
    // Hub and node together: the Grid keeps nothing worth a long grace, and a node that cannot
    // deregister from a hub already gone must not hold the stop up.
    NodeProcess.stopAll(
        java.util.stream.Stream.of(node, hub).filter(java.util.Objects::nonNull).toList(),
        STOP_GRACE);
  }
}
