package io.authflow.e2e.users;

import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.inbox.Inbox;
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

  public String newPassword() {
    return passwords.generate();
  }

  public PasswordGenerator passwords() {
    return passwords;
  }

  @Override
  public void dispose() {
    for (String email : created) {
      try {
        pool.delete(email);
      } catch (RuntimeException e) {
        // One failed delete must not keep the others; the run-start sweeper catches what remains.
        LOG.warn("Could not delete test user {}: {}", email, e.getMessage());
      }
      inbox.clear(email);
    }
    mobiles.forEach(inbox::clear);
  }
}
