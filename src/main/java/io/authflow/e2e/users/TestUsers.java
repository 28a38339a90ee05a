package io.authflow.e2e.users;

import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.inbox.Inbox;
import io.authflow.e2e.userpool.SecondFactor;
import io.authflow.e2e.userpool.UserPool;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.picocontainer.Disposable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test users of one scenario: unique addresses, passwords valid for the pool, and every user
 * registered at creation so {@link #dispose()} deletes them after the scenario, pass or fail.
 */
public final class TestUsers implements Disposable {
  private static final Logger LOG = LoggerFactory.getLogger(TestUsers.class);
  // Unique across runs and parallel workers: a run id, then a counter within this JVM.
  private static final String RUN =
      Long.toString(System.currentTimeMillis() / 1000, 36)
          + Integer.toString(new SecureRandom().nextInt(36 * 36), 36);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final UserPool pool;
  private final Inbox inbox;
  private final HarnessConfig config;
  private final PasswordGenerator passwords;
  private final SecureRandom random = new SecureRandom();
  private final List<String> created = new ArrayList<>();
  private final List<String> mobiles = new ArrayList<>();

  public TestUsers(UserPool pool, Inbox inbox, HarnessConfig config) {
    this.pool = pool;
    this.inbox = inbox;
    this.config = config;
    this.passwords = new PasswordGenerator(config.userPool().passwordPolicy());
  }

  /** A user who does not exist yet; registered for deletion in case the scenario signs them up. */
  public TestUser newUser() {
    String email =
        config.users().emailPrefix()
            + "-"
            + RUN
            + "-"
            + SEQUENCE.incrementAndGet()
            + "@"
            + config.users().emailDomain();
    created.add(email);
    return new TestUser(email, passwords.generate(), "");
  }

  /**
   * The configured test mobile, or a fresh number in the range reserved for fiction (+1 555 01xx
   * xxx) that only the local stack's inbox receives.
   */
  public String newMobile() {
    String configured = config.users().mobile();
    String mobile =
        configured.isEmpty()
            ? "+155501" + String.format("%05d", random.nextInt(100_000))
            : configured;
    mobiles.add(mobile);
    return mobile;
  }

  /** A returning user: confirmed in the pool through the admin API, never through the app. */
  public TestUser createConfirmed() {
    TestUser user = newUser();
    pool.createConfirmed(user.email(), user.password(), Map.of());
    return user;
  }

  /**
   * Enrols an authenticator app for a confirmed user through the admin API, as setting it up in an
   * app would, and returns that app.
   */
  public AuthenticatorApp enrolAuthenticatorApp(TestUser user) {
    var app = new java.util.concurrent.atomic.AtomicReference<AuthenticatorApp>();
    pool.enrolAuthenticatorApp(
        user.email(),
        user.password(),
        secret -> {
          app.set(new AuthenticatorApp(secret));
          return app.get().nextCode();
        });
    return app.get();
  }

  /**
   * Turns on sign-in codes by SMS (to a new mobile of theirs, returned in the user) or by email for
   * a confirmed user, through the admin API.
   */
  public TestUser turnOnCodesBy(TestUser user, SecondFactor factor) {
    TestUser with = factor == SecondFactor.SMS ? user.withPhone(newMobile()) : user;
    pool.enableCodeBy(with.email(), factor, with.phone());
    return with;
  }

  public String newPassword() {
    return passwords.generate();
  }

  public PasswordGenerator passwords() {
    return passwords;
  }

  /** The start of every address this run makes; other runs' users (parallel jobs) do not match. */
  public static String runPrefix(String emailPrefix) {
    return emailPrefix + "-" + RUN + "-";
  }

  /**
   * Deletes every user this scenario made and clears what was sent to them and to its mobiles,
   * whatever fails: each failure is returned as one line ("could not delete … : …"), none stops the
   * rest. Deletes by address directly (AdminDeleteUser), so a user the pool's search would miss is
   * deleted too.
   */
  public List<String> cleanUp() {
    List<String> failures = new ArrayList<>();
    for (String email : created) {
      attempt(failures, "delete test user " + email, () -> pool.delete(email));
      attempt(failures, "clear the inbox of " + email, () -> inbox.clear(email));
    }
    for (String mobile : mobiles) {
      attempt(failures, "clear the inbox of " + mobile, () -> inbox.clear(mobile));
    }
    created.clear();
    mobiles.clear();
    return failures;
  }

  /** After the scenario's own cleanup hook, which has run by now unless the run broke off. */
  @Override
  public void dispose() {
    // PicoContainer stops disposing at the first exception: nothing may escape from here.
    try {
      cleanUp().forEach(failure -> LOG.warn("Cleanup: {}", failure));
    } catch (RuntimeException e) {
      LOG.warn("Cleanup failed: {}", e.getMessage());
    }
  }

  private static void attempt(List<String> failures, String what, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      failures.add("could not " + what + ": " + message.lines().findFirst().orElse(message));
    }
  }
}
