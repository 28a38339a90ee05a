package io.authflow.e2e.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.inbox.Inbox;
import io.authflow.e2e.inbox.OneTimeCode;
import io.authflow.e2e.userpool.PoolUser;
import io.authflow.e2e.userpool.UnansweringPool;
import io.authflow.e2e.userpool.UserPool;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cleanup goes on past every failure, and says what it could not do. */
class TestUsersCleanupTest {
  private static final HarnessConfig CONFIG =
      new ConfigLoader(Path.of("config"), Map.of(), Map.of()).load("local");

  private final List<String> deleted = new ArrayList<>();
  private final List<String> cleared = new ArrayList<>();

  @Test
  void everyUserIsDeletedAndEveryInboxClearedWhateverFails() {
    var users = new TestUsers(poolFailingFor(1), inboxFailingFor(2), CONFIG);
    TestUser first = users.newUser();
    TestUser second = users.newUser();
    TestUser third = users.newUser();
    String mobile = users.newMobile();

    List<String> failures = users.cleanUp();

    assertThat(deleted).containsExactly(first.email(), second.email(), third.email());
    assertThat(cleared).containsExactly(first.email(), second.email(), third.email(), mobile);
    assertThat(failures)
        .containsExactly(
            "could not delete test user " + second.email() + ": pool refused delete #1",
            "could not clear the inbox of " + third.email() + ": inbox refused clear #2");
  }

  @Test
  void disposeAfterTheCleanupHookDoesNothingMoreAndNeverThrows() {
    var users = new TestUsers(poolFailingFor(0), inboxFailingFor(0), CONFIG);
    users.newUser();
    users.cleanUp();
    deleted.clear();

    users.dispose();

    assertThat(deleted).isEmpty();
  }

  @Test
  void theRunPrefixMatchesThisRunsAddressesOnly() {
    var users = new TestUsers(poolFailingFor(-1), inboxFailingFor(-1), CONFIG);
    String prefix = TestUsers.runPrefix(CONFIG.users().emailPrefix());

    assertThat(users.newUser().email()).startsWith(prefix);
    assertThat(prefix)
        .startsWith(CONFIG.users().emailPrefix() + "-")
        .hasSizeGreaterThan(CONFIG.users().emailPrefix().length() + 2);
  }

  /** A pool whose delete number {@code failing} (0-based) throws. */
  private UserPool poolFailingFor(int failing) {
    return new UnansweringPool() {
      @Override
      public Optional<PoolUser> find(String email) {
        return Optional.empty();
      }

      @Override
      public boolean hasAccount(String email) {
        return false;
      }

      @Override
      public void delete(String email) {
        deleted.add(email);
        if (deleted.size() - 1 == failing) {
          throw new IllegalStateException("pool refused delete #" + failing);
        }
      }

      @Override
      public int countTestUsers(String prefix) {
        return 0;
      }

      @Override
      public int sweep(String prefix, Duration age) {
        return 0;
      }
    };
  }

  private Inbox inboxFailingFor(int failing) {
    return new Inbox() {
      @Override
      public OneTimeCode awaitCode(String recipient, Instant since, Duration timeout) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void clear(String recipient) {
        cleared.add(recipient);
        if (cleared.size() - 1 == failing) {
          throw new IllegalStateException("inbox refused clear #" + failing);
        }
      }
    };
  }
}
