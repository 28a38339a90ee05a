package io.authflow.e2e.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * cognito-local behind our launcher (src/local/cognito), which answers like Cognito and delivers
 * every code by SMTP to the inbox. Ready when the launcher has written its ready file: the pool and
 * app clients it created.
 */
final class CognitoStandIn extends StackPart {
  private final Path launcherDir;
  private final Path dataDir;
  private final int smtpPort;
  private final Duration timeout;
  // The app's amplify_outputs.json, which shapes the pool; empty: Amplify Gen 2's defaults.
  private final String amplifyOutputs;
  private NodeProcess process;
  private JsonNode ready;

  CognitoStandIn(
      Path launcherDir,
      Path runDir,
      int smtpPort,
      String amplifyOutputs,
      Duration timeout,
      Path logDir) {
    super("cognito", logDir);
    this.amplifyOutputs = amplifyOutputs;
    this.launcherDir = launcherDir;
    this.dataDir = runDir.resolve("cognito-data");
    this.smtpPort = smtpPort;
    this.timeout = timeout;
  }

  @Override
  void start() {
    Path launcher = launcherDir.resolve("launcher.js");
    if (!Files.isDirectory(launcherDir.resolve("node_modules"))) {
      throw failed(
          launcherDir.resolve("node_modules")
              + " is missing: run 'mvn test' or 'mvn verify', which run npm ci from the lock file.",
          null);
    }
    Path readyFile = dataDir.resolveSibling("cognito-ready.json");
    try {
      Files.deleteIfExists(readyFile);
      var arguments =
          new java.util.ArrayList<>(
              List.of(
                  // Bound by the launcher itself; the ready file names the port it got.
                  "--port",
                  "0",
                  "--data-dir",
                  dataDir.toAbsolutePath().toString(),
                  "--smtp-host",
                  "127.0.0.1",
                  "--smtp-port",
                  String.valueOf(smtpPort),
                  "--ready-file",
                  readyFile.toAbsolutePath().toString()));
      if (!amplifyOutputs.isEmpty()) {
        arguments.addAll(
            List.of("--amplify-outputs", Path.of(amplifyOutputs).toAbsolutePath().toString()));
      }
      process =
          NodeProcess.start(name(), launcher, arguments, launcherDir, log(), dataDir.getParent());
      Awaitility.await()
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> Files.exists(readyFile) || !process.alive());
      if (!process.alive()) {
        throw failed("the launcher exited with code " + process.exitCode() + ".", null);
      }
      ready = new ObjectMapper().readTree(readyFile.toFile());
    } catch (ConditionTimeoutException e) {
      throw failed("no ready file " + readyFile + " within " + timeout.toSeconds() + "s.", e);
    } catch (IOException e) {
      throw failed(e.getMessage(), e);
    }
  }

  String endpoint() {
    return ready.path("endpoint").asText();
  }

  String region() {
    return ready.path("region").asText();
  }

  String userPoolId() {
    return ready.path("userPoolId").asText();
  }

  /**
   * The id of an app client named in the ready file ({@code app}, {@code revealsUserExistence}).
   */
  String clientId(String name) {
    String id = ready.path("clients").path(name).asText();
    if (id.isEmpty()) {
      throw failed("its ready file names no app client '" + name + "': " + ready, null);
    }
    return id;
  }

  @Override
  Optional<String> stopped() {
    if (process == null || process.alive()) {
      return Optional.empty();
    }
    return Optional.of(died("The Cognito stand-in", "exit code " + process.exitCode()));
  }

  @Override
  Optional<String> unhealthy() {
    Optional<String> stopped = stopped();
    if (stopped.isPresent() || ready == null) {
      return stopped;
    }
    URI endpoint = URI.create(endpoint());
    try (var socket = new java.net.Socket()) {
      socket.connect(
          new java.net.InetSocketAddress(endpoint.getHost(), endpoint.getPort()),
          (int) timeout.toMillis());
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(
          died("The Cognito stand-in", "it no longer answers at " + endpoint + ": " + e));
    }
  }

  @Override
  public void close() {
    if (process != null) {
      // Its tether ends the group within seconds; the stack's timeout is the outer bound.
      process.stop(timeout);
    }
  }
}
