package io.authflow.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.authflow.e2e.report.Evidence;
import io.authflow.e2e.userpool.AccessTokenLifetime;
import io.authflow.e2e.userpool.UnansweringPool;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Waiting for a session to expire: the pool's own token lifetime, or "does not apply". */
class SessionExpiryTest {
  @Test
  void aPoolWhoseTokensOutliveTheBoundDoesNotApplyAndSaysWhy() {
    var expiry = expiry(AccessTokenLifetime.of("client-1", 60, "minutes"), Duration.ofMinutes(1));

    assertThatThrownBy(expiry::requireApplies)
        .isInstanceOf(TestAbortedException.class)
        .hasMessageStartingWith("Does not apply here: app client client-1 gives access tokens")
        .hasMessageContaining("live 1 h (AccessTokenValidity 60 minutes, DescribeUserPoolClient)")
        .hasMessageContaining("longer than the 1 min timeouts.sessionExpiry");
  }

  @Test
  void theWaitLastsTheTokensLifetimeFromTheLastSignIn() {
    var lifetime = Duration.ofMillis(400);
    var expiry = expiry(new AccessTokenLifetime("c", lifetime, "test"), Duration.ofSeconds(5));

    expiry.signedIn();
    Instant signedIn = Instant.now();
    expiry.await();

    assertThat(Duration.between(signedIn, Instant.now())).isGreaterThanOrEqualTo(lifetime);
  }

  @Test
  void aTooLongLifetimeIsNotWaitedFor() {
    var expiry = expiry(AccessTokenLifetime.of("c", 1, "hours"), Duration.ofSeconds(5));
    expiry.signedIn();

    assertThatThrownBy(expiry::await).isInstanceOf(TestAbortedException.class);
  }

  @Test
  void withoutASignInThereIsNothingToWaitOn() {
    var expiry = expiry(AccessTokenLifetime.of("c", 10, "seconds"), Duration.ofSeconds(5));

    assertThatThrownBy(expiry::await).hasMessageStartingWith("No sign-in to wait on");
  }

  private static SessionExpiry expiry(AccessTokenLifetime tokens, Duration bound) {
    return new SessionExpiry(new TokensOnly(tokens), bound, new Evidence(), () -> {});
  }

  /** A pool that answers only how long its access tokens live. */
  private static final class TokensOnly extends UnansweringPool {
    private final AccessTokenLifetime tokens;

    TokensOnly(AccessTokenLifetime tokens) {
      this.tokens = tokens;
    }

    @Override
    public AccessTokenLifetime accessTokenLifetime() {
      return tokens;
    }
  }
}
