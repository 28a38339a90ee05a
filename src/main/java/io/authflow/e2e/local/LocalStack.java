package io.authflow.e2e.local;

import com.icegreen.greenmail.util.GreenMail;
import io.authflow.e2e.config.AppProfileFile;
import io.authflow.e2e.config.Discovered;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.config.UserPoolConfig;
import io.authflow.e2e.parts.DaemonThreads;
import io.authflow.e2e.parts.StackHealth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded local stack: an SMTP inbox in this JVM, the Cognito stand-in answering as the pool
 * the app's amplify_outputs.json names, the app's static web build (local.appBuild, else the
 * profile's localBuild) and Appium, whose Chromium reaches the stand-in where the app calls
 * Cognito. Each part is on a free loopback port with its log under reports/local-stack/. Started
 * once per run; stopped in reverse order, also when a later part fails to start.
 */
public final class LocalStack implements StackHealth, AutoCloseable {
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
  // A start begun ahead of start(), and the config it was begun for.
  private CompletableFuture<Discovered> ahead;
  private HarnessConfig aheadFor;

  /** {@code root} is the project directory (src/local and reports/ below it). */
  public LocalStack(Path root) {
    this(root, root.resolve("reports/local-stack"));
  }

  /** A stack whose logs go to {@code logDir} (the rehearsal's outlive the runs against it). */
  public LocalStack(Path root, Path logDir) {
    this.root = root;
    this.logDir = logDir;
  }

  /**
   * Begins {@link #start} on a thread of its own, for a JVM with other work to do before it needs
   * the stack (the features' JVM: Cucumber's glue, the run's config): {@code start} with the same
   * config then only waits for it.
   */
  public synchronized void startAhead(HarnessConfig config) {
    aheadFor = config;
    ahead =
        CompletableFuture.supplyAsync(
            () -> startNow(config), DaemonThreads.ownThread("authflow-stack-start"));
  }

  /**
   * Starts every part {@code config} asks for and returns what it found: their addresses, the
   * stand-in's pool, the browser on this machine ({@link HarnessConfig#completedBy}).
   */
  public Discovered start(HarnessConfig config) {
    CompletableFuture<Discovered> begun;
    synchronized (this) {
      begun = ahead;
      ahead = null;
    }
    if (begun == null) {
      return startNow(config);
    }
    if (config.equals(aheadFor)) {
      try {
        return begun.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
    LOG.info(
        "Local stack: the run's config differs from the one it was started for; starting anew");
    awaitQuietly(begun);
    stopParts();
    return startNow(config);
  }

  private Discovered startNow(HarnessConfig config) {
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
      var profile = AppProfileFile.of(config);
      // The app and the tests use the same client: local.appClient.
      appClient = config.localStack().appClient();
      inbox = startPart(new InboxServer(logDir));
      cognito =
          startPart(
              new CognitoStandIn(
                  root.resolve("src/local/cognito"),
                  runDir,
                  inbox.port(),
                  amplifyOutputs(config, profile),
                  appClient,
                  config.localStack().emailDailyLimit(),
                  config.localStack().tokenValidity(),
                  config.localStack().pool(),
                  timeout,
                  logDir));
      app = startPart(new AppServer(profile.servedBuild(root, config), logDir));
      appium = appiumStarting.join();
      LOG.info("Local stack: Appium drives {}", appium.browser().describe());
    } catch (CompletionException e) {
      stopParts();
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    } catch (IOException e) {
      stopParts();
      throw new UncheckedIOException("Cannot prepare " + logDir, e);
    } catch (RuntimeException e) {
      stopParts();
      throw e;
    }
    var pool = config.userPool();
    return new Discovered(
        app.url(),
        appium.url(),
        Optional.of(
            new UserPoolConfig(
                cognito.region(),
                cognito.userPoolId(),
                cognito.clientId(appClient),
                cognito.endpoint(),
                pool.disposable(),
                pool.passwordPolicy(),
                pool.passwordPolicySource(),
                pool.awsProfile())),
        cognito.chromiumArgs(),
        appium.browser().capabilities());
  }

  /**
   * The outputs file the stand-in answers as: local.amplifyOutputs (or userPool.amplifyOutputs; the
   * config requires one with local.appBuild), else the one the profile's build imported; empty: Gen
   * 2's defaults with ids of its own.
   */
  private String amplifyOutputs(HarnessConfig config, AppProfileFile profile) {
    String configured = config.localStack().amplifyOutputs();
    return configured.isEmpty()
        ? profile.localAmplifyOutputs().map(p -> root.resolve(p).toString()).orElse("")
        : configured;
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
  @Override
  public Optional<String> stoppedPart() {
    return parts().stream().map(StackPart::stopped).flatMap(Optional::stream).findFirst();
  }

  /** Like {@link #stoppedPart()}, also asking each part whether it still answers. */
  @Override
  public Optional<String> unhealthyPart() {
    return parts().stream().map(StackPart::unhealthy).flatMap(Optional::stream).findFirst();
  }

  @Override
  public void close() {
    CompletableFuture<Discovered> begun;
    synchronized (this) {
      begun = ahead;
      ahead = null;
    }
    if (begun != null) {
      // Stopped before the run used it (its config failed its checks): it ends started.
      awaitQuietly(begun);
    }
    stopParts();
  }

  /** Stops the parts started so far; a start that fails calls it itself. */
  private void stopParts() {
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

  private static void awaitQuietly(CompletableFuture<Discovered> start) {
    // A start that failed closed what it had started.
    start.exceptionally(e -> null).join();
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
