package io.authflow.e2e.steps;

import io.authflow.e2e.userpool.SecondFactor;
import io.authflow.e2e.users.AuthenticatorApp;
import java.util.Optional;

/**
 * The scenario user's second factor, as far as the scenario knows it: the authenticator app they
 * set up (in the app, or enrolled through the admin API), or the code by SMS or email turned on for
 * them. Both of their devices answer the pool from it.
 */
public final class SecondFactors {
  private SecondFactor factor;
  private AuthenticatorApp app;

  /** Their authenticator app now holds this key. */
  public void setUp(AuthenticatorApp authenticatorApp) {
    factor = SecondFactor.AUTHENTICATOR_APP;
    app = authenticatorApp;
  }

  /** Their sign-in codes come by SMS or email. */
  public void codesBy(SecondFactor codes) {
    factor = codes;
  }

  public Optional<SecondFactor> factor() {
    return Optional.ofNullable(factor);
  }

  public AuthenticatorApp app() {
    if (app == null) {
      throw new IllegalStateException(
          "The user has no authenticator app yet: the scenario needs a step that sets one up (e.g."
              + " 'Given a returning user who set up an authenticator app').");
    }
    return app;
  }
}
