package io.authflow.e2e.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.authflow.e2e.config.LocalStackConfig;
import io.authflow.e2e.config.PoolShape;
import io.authflow.e2e.config.TokenValidity;
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
 * app clients it created (with an amplify_outputs.json, the ids that file names), its plain HTTP
 * endpoint for the admin API, and its TLS front for the app, which calls the regional hosts.
 */
final class CognitoStandIn extends StackPart {
  private final Path launcherDir;
  private final Path dataDir;
  private final int smtpPort;
  private final Duration timeout;
  // The app's amplify_outputs.json, which shapes the pool; empty: Amplify Gen 2's defaults.
  private final String amplifyOutputs;
  // The client the app signs in with (local.appClient): it gets the outputs' client id.
  private final String appClient;
  // Emails a day the pool sends with Cognito's default account (local.emailDailyLimit).
  private final int emailDailyLimit;
  // Its app clients' token lifetimes (local.tokenValidity).
  private final TokenValidity tokenValidity;
  // The sign-in factors over the outputs' (local.pool).
  private final PoolShape pool;
  private NodeProcess process;
  private JsonNode ready;

  /** With Cognito's own email quota. */
  CognitoStandIn(
      Path launcherDir,
      Path runDir,
      int smtpPort,
      String amplifyOutputs,
      String appClient,
      Duration timeout,
      Path logDir) {
    this(
        launcherDir,
        runDir,
        smtpPort,
        amplifyOutputs,
        appClient,
        LocalStackConfig.COGNITO_EMAIL_DAILY_LIMIT,
        timeout,
        logDir);
  }

  /** With Gen 2's token lifetimes. */
  CognitoStandIn(
      Path launcherDir,
      Path runDir,
      int smtpPort,
      String amplifyOutputs,
      String appClient,
      int emailDailyLimit,
      Duration timeout,
      Path logDir) {
    this(
        launcherDir,
        runDir,
        smtpPort,
        amplifyOutputs,
        appClient,
        emailDailyLimit,
        TokenValidity.GEN2,
        PoolShape.AS_OUTPUTS,
        timeout,
        logDir);
  }

  CognitoStandIn(
      Path launcherDir,
      Path runDir,
      int smtpPort,
      String amplifyOutputs,
      String appClient,
      int emailDailyLimit,
      TokenValidity tokenValidity,
      PoolShape pool,
      Duration timeout,
      Path logDir) {
    super("cognito", logDir);
    this.pool = pool;
    this.emailDailyLimit = emailDailyLimit;
    this.tokenValidity = tokenValidity;
    this.amplifyOutputs = amplifyOutputs;
    this.appClient = appClient;
    this.launcherDir = launcherDir;
    this.dataDir = runDir.resolve("cognito-data");
    this.smtpPort = smtpPort;
    this.timeout = timeout;
  }

  @Override
  public void start() {
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
                  readyFile.toAbsolutePath().toString(),
                  "--app-client",
                  appClient,
                  "--email-daily-limit",
                  String.valueOf(emailDailyLimit),
                  "--access-token-validity",
                  String.valueOf(tokenValidity.access().toSeconds()),
                  "--id-token-validity",
                  String.valueOf(tokenValidity.id().toSeconds()),
                  "--refresh-token-validity",
                  String.valueOf(tokenValidity.refresh().toSeconds())));
      arguments.addAll(pool.launcherArguments());
      if (!amplifyOutputs.isEmpty()) {
        arguments.addAll(
            List.of("--amplify-outputs", Path.of(amplifyOutputs).toAbsolutePath().toString()));
      }
      process =
          NodeProcess.start(
              name(),
              launcherDir.getParent(),
              launcher,
              arguments,
              launcherDir,
              log(),
              dataDir.getParent());
      Awaitility.await()
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> Files.exists(readyFile) || !process.alive());
      if (!process.alive()) {
        throw failed("the launcher exited with code " + process.exitCode() + ".", null);
      }
      ready = new ObjectMapper().readTree(readyFile.toFile());
      if (ready.path("tls").path("port").asInt() == 0 || tlsHosts().isEmpty()) {
        throw failed("its ready file names no TLS front (tls.port, tls.hosts): " + ready, null);
      }
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

  /** The hosts the app calls that the TLS front answers: Cognito's and Cognito Identity's. */
  List<String> tlsHosts() {
    List<String> hosts = new java.util.ArrayList<>();
    ready.path("tls").path("hosts").forEach(host -> hosts.add(host.asText()));
    return hosts;
  }

  /**
   * What the local stack's Chromium needs to reach the stand-in where the app calls Cognito, with
   * the app unchanged: those hosts (and only those) resolved to the TLS front's loopback port, and
   * the run's own certificate trusted by its public key's pin (not every certificate error
   * ignored). Chromium honours the pin list only with a --user-data-dir, which ChromeDriver always
   * gives. Every other AWS host resolves to nothing (the first matching rule wins): an app built
   * for another pool or region fails offline, even on a machine with internet access, instead of
   * calling a real pool.
   */
  List<String> chromiumArgs() {
    var tls = ready.path("tls");
    String front = "127.0.0.1:" + tls.path("port").asInt();
    List<String> rules = new java.util.ArrayList<>();
    tlsHosts().forEach(host -> rules.add("MAP " + host + " " + front));
    rules.add("MAP *.amazonaws.com ~NOTFOUND");
    return List.of(
        "--host-resolver-rules=" + String.join(",", rules),
        "--ignore-certificate-errors-spki-list=" + tls.path("spkiSha256").asText());
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
