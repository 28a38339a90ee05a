package io.authflow.e2e.steps;

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
import io.authflow.e2e.report.RunInterruption;
import io.authflow.e2e.userpool.CognitoUserPool;
import io.authflow.e2e.userpool.PoolGuard;
import io.authflow.e2e.userpool.UserPool;
import io.authflow.e2e.users.TestUsers;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What lives for the whole run, once per JVM: the validated config, the local stack (on {@code
 * local}), the inbox and the user pool. Scenarios reach it through the PicoContainer providers.
 */
public final class TestRun {
  private static final Logger LOG = LoggerFactory.getLogger(TestRun.class);
  private static TestRun current;

  private final HarnessConfig config;
  private final LocalStack stack;
  private final Inbox inbox;
  private final CognitoUserPool pool;

  private TestRun(HarnessConfig config, LocalStack stack, Inbox inbox, CognitoUserPool pool) {
    this.config = config;
    this.stack = stack;
    this.inbox = inbox;
    this.pool = pool;
  }

  /** Starts the run on {@code chosen}, the config the hooks loaded and validated. */
  static synchronized void start(HarnessConfig chosen) {
    if (current != null) {
      return;
    }
    HarnessConfig config = chosen;
    LocalStack stack = null;
    if (config.embeddedStack()) {
      stack = new LocalStack(Path.of("").toAbsolutePath());
      config = config.completedBy(stack.start(config));
    }
    try {
      Inbox inbox =
          switch (config.inbox().type()) {
            case SMTP ->
                new SmtpInbox(stack.greenMail(), new CodeExtractor(config.inbox().codePattern()));
            case MAILOSAUR -> MailosaurInbox.fromEnvironment(config, System.getenv());
          };
      var users = config.users();
      var pool =
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
        config = config.completedBy(Discovered.NOTHING.withUserPool(pool.withPoolPasswordPolicy()));
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
        StackWatch.watchRemoteAppium(target.appium(), config.timeouts().api());
      }
      current = new TestRun(config, stack, inbox, pool);
    } catch (RuntimeException e) {
      if (stack != null) {
        stack.close();
      }
      throw e;
    }
  }

  static synchronized void stop() {
    if (current != null) {
      RunDevices.shared().closeAll();
      // This run's users only: parallel jobs on the same pool have their own.
      String prefix = TestUsers.runPrefix(current.config.users().emailPrefix());
      if (RunInterruption.interrupted()) {
        // The signal stopped the local parts too, so counting would only fail; not worth a line.
        LOG.info("Run end: interrupted; the next run's start sweeps what this run's users left");
      } else {
        try {
          // Every scenario deletes its users; a count above zero here is a cleanup bug to chase.
          // Guarded: a dead stand-in is named at once rather than after the SDK's retries.
          LOG.info(
              "Run end: {} test user(s) of this run left in pool {}",
              StackWatch.guard(UserPool.class, current.pool).countTestUsers(prefix),
              current.config.userPool().id());
        } catch (RuntimeException e) {
          String message = String.valueOf(e.getMessage());
          LOG.warn(
              "Run end: could not count left-over test users: {}",
              message.lines().findFirst().orElse(message));
        }
      }
      current.pool.close();
      if (current.stack != null) {
        current.stack.close();
      }
      current = null;
    }
  }

  static synchronized TestRun current() {
    if (current == null) {
      throw new IllegalStateException(
          "The run has not started: the @BeforeAll hook in Hooks starts it.");
    }
    return current;
  }

  HarnessConfig config() {
    return config;
  }

  Inbox inbox() {
    return inbox;
  }

  UserPool pool() {
    return pool;
  }
}
