package io.authflow.e2e.run;

import io.authflow.e2e.config.Discovered;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.config.TargetConfig.Farm;
import io.authflow.e2e.device.RunDevices;
import io.authflow.e2e.inbox.CodeExtractor;
import io.authflow.e2e.inbox.Inbox;
import io.authflow.e2e.inbox.MailosaurInbox;
import io.authflow.e2e.inbox.SmtpInbox;
import io.authflow.e2e.local.LocalStack;
import io.authflow.e2e.parts.StackWatch;
import io.authflow.e2e.userpool.CognitoUserPool;
import io.authflow.e2e.userpool.PoolGuard;
import io.authflow.e2e.userpool.UserPool;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a run starts, one way for the features' hooks, the doctor and the rehearsal alike, in one
 * order: the config as asked, the stack it asks for (none on a remote target), the caller's
 * preflight on {@link #config()}, then {@link #open()}: the adapters (inbox, user pool) and their
 * first calls. The preflight comes before the adapters, so a wrong pool or inbox is a line of its
 * checklist rather than an adapter's bare exception. What the run found stays apart from what was
 * asked ({@link #asked()}, {@link #discovered()}).
 *
 * <p>It owns what lives as long as the run, so nothing of a run is JVM-wide: the {@link StackWatch}
 * on the parts the run depends on, and the {@link RunDevices} whose sessions outlive a scenario.
 * The steps get them from it by constructor injection.
 */
public final class RunContext implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunContext.class);

  private final HarnessConfig asked;
  private final LocalStack stack;
  private final StackWatch watch = new StackWatch();
  private final RunDevices devices;
  private Discovered discovered;
  private HarnessConfig config;
  private Inbox inbox;
  private CognitoUserPool pool;
  private boolean opened;
  private boolean closed;

  private RunContext(
      HarnessConfig asked, Discovered discovered, LocalStack stack, SessionShelves shelves) {
    this.asked = asked;
    this.discovered = discovered;
    this.config = asked.completedBy(discovered);
    this.stack = stack;
    this.devices = shelves == null ? new RunDevices() : new RunDevices(shelves.of(config.target()));
    if (stack != null) {
      watch.watch(stack);
    }
  }

  /**
   * Starts the stack {@code asked} names, if any ({@code stack} is the one to start; unused on a
   * remote target).
   */
  public static RunContext start(HarnessConfig asked, LocalStack stack) {
    return start(asked, stack, null);
  }

  /**
   * As {@link #start(HarnessConfig, LocalStack)}, its kept sessions taken from and left on {@code
   * shelves} (the warm JVM's, which outlive the run), or ended with the run if null.
   */
  public static RunContext start(HarnessConfig asked, LocalStack stack, SessionShelves shelves) {
    if (!asked.embeddedStack()) {
      return new RunContext(asked, Discovered.NOTHING, null, shelves);
    }
    return new RunContext(asked, stack.start(asked), stack, shelves);
  }

  /**
   * After the preflight passed: the inbox and the pool, a real pool's own password policy, the
   * sweep of stale test users, and the watch on an Appium server of the user's own.
   */
  public void open() {
    inbox =
        switch (config.inbox().type()) {
          case SMTP ->
              new SmtpInbox(stack.greenMail(), new CodeExtractor(config.inbox().codePattern()));
          case MAILOSAUR -> MailosaurInbox.fromEnvironment(config, System.getenv());
        };
    var users = config.users();
    pool =
        new CognitoUserPool(
            config.userPool(),
            new PoolGuard(
                config.userPool().id(),
                config.userPool().disposable(),
                users.emailPrefix(),
                users.emailDomain()),
            config.timeouts().api());
    if (!config.embeddedStack()) {
      // A real pool's own password policy, unless amplify_outputs.json already gave it.
      discovered = discovered.withUserPool(pool.withPoolPasswordPolicy());
      config = asked.completedBy(discovered);
    }
    int swept = pool.sweep(users.emailPrefix() + "-", users.sweepOlderThan());
    LOG.info(
        "Run start: env {}, pool {}, swept {} stale test user(s)",
        config.env(),
        config.userPool().id(),
        swept);
    var target = config.target();
    if (!config.embeddedStack() && (target.farm() == Farm.NONE || target.farm() == Farm.GRID)) {
      // A server of our own (or a Grid) that dies is named like a local part.
      watch.watchRemoteAppium(target.appium(), config.timeouts().api());
    }
    opened = true;
  }

  /** What the user asked for, as loaded. */
  public HarnessConfig asked() {
    return asked;
  }

  /** What the run found: the stack's addresses and browser, the pool's own description. */
  public Discovered discovered() {
    return discovered;
  }

  /** What the run's parts use: the asked config completed by what the run found. */
  public HarnessConfig config() {
    return config;
  }

  /** The embedded stack, when the config asks for one. */
  public Optional<LocalStack> stack() {
    return Optional.ofNullable(stack);
  }

  /** Whether {@link #open()} built the adapters: not when the run stopped at its preflight. */
  public boolean opened() {
    return opened;
  }

  /** The watch on the stack, or on a remote Appium once {@link #open()}ed; else on nothing. */
  public StackWatch watch() {
    return watch;
  }

  /** The devices and kept sessions of the run's scenarios. */
  public RunDevices devices() {
    return devices;
  }

  /** The inbox, once {@link #open()}ed. */
  public Inbox inbox() {
    return opened(inbox);
  }

  /** The user pool, once {@link #open()}ed. */
  public UserPool pool() {
    return opened(pool);
  }

  private static <T> T opened(T adapter) {
    if (adapter == null) {
      throw new IllegalStateException("The run context is not open: open() builds the adapters.");
    }
    return adapter;
  }

  /** Ends what the run started, once: a start that failed closes it, and so does the run's end. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    devices.closeAll();
    if (stack != null) {
      // A stack stopped on purpose is no fault.
      watch.unwatch(stack);
    }
    if (pool != null) {
      pool.close();
    }
    if (stack != null) {
      stack.close();
    }
  }
}
