package io.authflow.e2e.steps;

import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.report.Evidence;
import io.authflow.e2e.report.NotApplicable;
import io.authflow.e2e.report.RunInterruption;
import io.authflow.e2e.userpool.AccessTokenLifetime;
import io.authflow.e2e.userpool.UserPool;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * When the scenario's sessions expire. Amplify JS trusts the tokens an app holds until the access
 * token expires (less its 5-second tolerance), and only then asks the pool, through the refresh
 * token, for new ones; so whatever happened to the session meanwhile (a sign-out everywhere, an
 * account disabled or deleted) shows in the app only after that. Nothing here shortens a session:
 * the wait is the app client's own access token lifetime, read from the pool, counted from the last
 * sign-in, and bounded by timeouts.sessionExpiry; a pool whose tokens live longer does not apply.
 */
public final class SessionExpiry {
  // How soon the clock is read again; the wait ends at most this much after the expiry.
  private static final Duration POLL = Duration.ofMillis(100);
  // How often the devices are asked something while their apps wait: well within Appium's
  // newCommandTimeout, which is sized for screen waits.
  private static final Duration KEEP_AWAKE = Duration.ofSeconds(10);

  private final UserPool pool;
  private final Duration bound;
  private final Evidence evidence;
  private final Runnable keepAwake;
  private Instant lastSignIn;

  public SessionExpiry(
      UserPool pool, HarnessConfig config, Evidence evidence, AppSession app, OtherDevice other) {
    this(
        pool,
        config.timeouts().sessionExpiry(),
        evidence,
        () -> {
          app.keepAwake();
          other.keepAwake();
        });
  }

  SessionExpiry(UserPool pool, Duration bound, Evidence evidence, Runnable keepAwake) {
    this.pool = pool;
    this.bound = bound;
    this.evidence = evidence;
    this.keepAwake = keepAwake;
  }

  /**
   * Marks a sign-in that just completed (the app shows the dashboard): its tokens were issued at or
   * before now, so they have expired once their lifetime has passed from now.
   */
  public void signedIn() {
    lastSignIn = Instant.now();
  }

  /**
   * Ends the scenario as not applying when the pool's access tokens outlive timeouts.sessionExpiry;
   * checked before the scenario starts its users and devices, and again by {@link #await()}.
   */
  public void requireApplies() {
    AccessTokenLifetime tokens = pool.accessTokenLifetime();
    if (tokens.lifetime().compareTo(bound) > 0) {
      throw NotApplicable.because(
          evidence,
          "app client "
              + tokens.clientId()
              + " gives access tokens that live "
              + human(tokens.lifetime())
              + " ("
              + tokens.described()
              + ", DescribeUserPoolClient), longer than the "
              + human(bound)
              + " timeouts.sessionExpiry lets a scenario wait for a session to expire. Until then"
              + " the app trusts the session it holds, so a reopened app shows nothing the pool"
              + " decided meanwhile. To run it against this pool, give its app client shorter"
              + " access tokens (Cognito allows 5 minutes at least) and timeouts.sessionExpiry at"
              + " least that long.");
    }
  }

  /**
   * Waits until every session signed in so far has an expired access token: the app client's access
   * token lifetime elapsed since the last sign-in.
   */
  public void await() {
    if (lastSignIn == null) {
      throw new IllegalStateException(
          "No sign-in to wait on: the scenario needs a step that signs the user in (e.g. 'Given a"
              + " returning user who is signed in') before their session can expire.");
    }
    requireApplies();
    AccessTokenLifetime tokens = pool.accessTokenLifetime();
    Instant expired = lastSignIn.plus(tokens.lifetime());
    Instant start = Instant.now();
    var lastAsked = new Instant[] {start};
    try {
      Awaitility.await("the access tokens of the last sign-in to expire")
          .atMost(bound)
          .pollDelay(Duration.ZERO)
          .pollInterval(POLL)
          .until(
              () -> {
                RunInterruption.check("a step was waiting for a session to expire");
                Instant now = Instant.now();
                if (Duration.between(lastAsked[0], now).compareTo(KEEP_AWAKE) >= 0) {
                  keepAwake.run();
                  lastAsked[0] = now;
                }
                return !now.isBefore(expired);
              });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          "Timed out after "
              + human(bound)
              + " (timeouts.sessionExpiry) waiting for the access tokens of the sign-in at "
              + lastSignIn
              + " to expire at "
              + expired
              + " ("
              + tokens.described()
              + " of app client "
              + tokens.clientId()
              + "); the clock read "
              + Instant.now()
              + ".",
          e);
    }
    evidence.text(
        "Session expired",
        "Waited "
            + human(Duration.between(start, Instant.now()))
            + ", until "
            + human(tokens.lifetime())
            + " after the last sign-in ("
            + tokens.described()
            + " of app client "
            + tokens.clientId()
            + "): the access tokens the app holds have expired, so the app must go to the pool"
            + " to renew the session.");
  }

  private static String human(Duration duration) {
    if (duration.toMillis() % 60_000 == 0 && !duration.isZero()) {
      long minutes = duration.toMinutes();
      return minutes % 60 == 0 ? (minutes / 60) + " h" : minutes + " min";
    }
    return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
