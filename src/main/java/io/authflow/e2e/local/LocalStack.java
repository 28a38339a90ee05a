package io.authflow.e2e.local;

import com.icegreen.greenmail.util.GreenMail;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.config.UserPoolConfig;
import io.authflow.e2e.screens.AppProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded local stack: an SMTP inbox in this JVM, the Cognito stand-in, the app {@code
 * app.name} names (its profile gives the browser build: the reference app or the stock
 * Authenticator app) and Appium, each on a free loopback port with its log under
 * reports/local-stack/. Started once per run; stopped in reverse order, also when a later part
 * fails to start.
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

  private final Path root;
  private final Path logDir;
  private final Deque<StackPart> started = new ArrayDeque<>();
  // The Cognito stand-in's data: one pool per run, gone with it.
  private Path runDir;
  private InboxServer inbox;
  private CognitoStandIn cognito;
  private AppServer app;
  private AppiumServer appium;
  private String appClient;
  private CompletableFuture<AppiumServer> appiumStarting;

  /** {@code root} is the project directory (src/local and reports/ below it). */
  public LocalStack(Path root) {
    this(root, root.resolve("reports/local-stack"));
  }

  /** A stack whose logs go to {@code logDir} (the rehearsal's outlive the runs against it). */
  public LocalStack(Path root, Path logDir) {
    this.root = root;
    this.logDir = logDir;
  }

  /** Starts every part and returns the configuration completed with their addresses. */
  public HarnessConfig start(HarnessConfig config) {
    try {
      Files.createDirectories(logDir);
      runDir = Files.createTempDirectory(RunReaper.tempPrefix());
      RunReaper.current().tempDir(runDir);
      var timeout = config.timeouts().localStack();
      // Appium takes longest and needs none of the others: it starts meanwhile.
      appiumStarting =
          CompletableFuture.supplyAsync(
              () ->
                  startPart(
                      new AppiumServer(
                          root.resolve("src/local/appium"),
                          timeout,
                          logDir,
                          config.localStack(),
                          BrowserLookup.forThisMachine())));
      inbox = startPart(new InboxServer(logDir));
      cognito =
          startPart(
              new CognitoStandIn(
                  root.resolve("src/local/cognito"),
                  runDir,
                  inbox.port(),
                  config.localStack().amplifyOutputs(),
                  timeout,
                  logDir));
      // The app and the tests use the same client: local.appClient.
      appClient = config.localStack().appClient();
      app =
          startPart(
              new AppServer(
                  root.resolve(AppProfile.of(config).localBuild()),
                  runtimeConfig(cognito.clientId(appClient)),
                  logDir));
      appium = appiumStarting.join();
      LOG.info("Local stack: Appium drives {}", appium.browser().describe());
      StackWatch.watch(this);
    } catch (CompletionException e) {
      close();
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("Cannot prepare " + logDir, e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    var pool = config.userPool();
    return config
        .withLocalStack(
            app.url(),
            appium.url(),
            new UserPoolConfig(
                cognito.region(),
                cognito.userPoolId(),
                cognito.clientId(appClient),
                cognito.endpoint(),
                pool.disposable(),
                pool.passwordPolicy(),
                pool.passwordPolicySource(),
                pool.awsProfile()))
        .withTargetDefaults(appium.browser().capabilities());
  }

  private Map<String, String> runtimeConfig(String clientId) {
    return Map.of(
        "userPoolId",
        cognito.userPoolId(),
        "userPoolClientId",
        clientId,
        "userPoolEndpoint",
        cognito.endpoint());
  }

  public GreenMail greenMail() {
    return inbox.greenMail();
  }

  private synchronized List<StackPart> parts() {
    return List.copyOf(started);
  }

  private synchronized void started(StackPart part) {
    started.push(part);
  }

  private <T extends StackPart> T startPart(T part) {
    long begin = System.nanoTime();
    try {
      part.start();
    } catch (RuntimeException e) {
      // A part that failed half-way (e.g. a launcher that never got ready) may still run.
      part.close();
      throw e;
    }
    started(part);
    LOG.info(
        "Local stack: {} ready in {} ms (log {})",
        part.name(),
        (System.nanoTime() - begin) / 1_000_000,
        part.log());
    return part;
  }

  /** The first part found stopped, as the message that names it; empty while all run. */
  Optional<String> stoppedPart() {
    return parts().stream().map(StackPart::stopped).flatMap(Optional::stream).findFirst();
  }

  /** Like {@link #stoppedPart()}, also asking each part whether it still answers. */
  Optional<String> unhealthyPart() {
    return parts().stream().map(StackPart::unhealthy).flatMap(Optional::stream).findFirst();
  }

  @Override
  public void close() {
    StackWatch.unwatch(this);
    if (appiumStarting != null) {
      // A part that failed while Appium was starting: let it finish, so it is stopped below.
      appiumStarting.exceptionally(e -> null).join();
      appiumStarting = null;
    }
    while (true) {
      StackPart part;
      synchronized (this) {
        if (started.isEmpty()) {
          break;
        }
        part = started.pop();
      }
      try {
        part.close();
      } catch (RuntimeException e) {
        LOG.warn("Local stack: stopping {} failed: {}", part.name(), e.getMessage());
      }
    }
    deleteRunDir();
  }

  private void deleteRunDir() {
    if (runDir == null) {
      return;
    }
    try (var files = Files.walk(runDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Local stack: could not delete {}: {}", runDir, e.getMessage());
    }
    runDir = null;
  }
}
