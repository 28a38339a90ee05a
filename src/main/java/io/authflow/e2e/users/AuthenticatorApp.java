package io.authflow.e2e.users;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.common.io.BaseEncoding;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A user's authenticator app: the key Cognito gave at set-up (base32, as AssociateSoftwareToken
 * answers it and apps show it), and the RFC 6238 codes it shows (HMAC-SHA1, 30-second steps, 6
 * digits: what Cognito's software tokens use). A verifier may take each code only once (RFC 6238
 * section 5.2), so a second sign-in in the same 30 seconds waits for the app's next code, as a user
 * would.
 */
public final class AuthenticatorApp {
  private static final TimeBasedOneTimePasswordGenerator TOTP =
      new TimeBasedOneTimePasswordGenerator();
  private static final Duration POLL = Duration.ofMillis(200);

  private final String secret;
  private final SecretKeySpec key;
  private final Supplier<Instant> clock;
  private String lastUsed;

  public AuthenticatorApp(String secret) {
    this(secret, Instant::now);
  }

  AuthenticatorApp(String secret, Supplier<Instant> clock) {
    this.secret = secret.strip();
    this.clock = clock;
    byte[] bytes;
    try {
      // Apps take the key as shown: upper or lower case, grouped with spaces, without padding.
      bytes =
          BaseEncoding.base32()
              .omitPadding()
              .decode(this.secret.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The authenticator key '" + this.secret + "' is not base32: " + e.getMessage(), e);
    }
    this.key = new SecretKeySpec(bytes, TOTP.getAlgorithm());
  }

  public String secret() {
    return secret;
  }

  /** The code the app shows at {@code instant}. */
  public String codeAt(Instant instant) {
    try {
      return TOTP.generateOneTimePasswordString(key, instant, Locale.ROOT);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("The authenticator key cannot make a code", e);
    }
  }

  /**
   * The code the app shows now, once it is one not entered before: after a code was used, at most
   * one time step (30 s) for the next.
   */
  public String nextCode() {
    Duration step = TOTP.getTimeStep();
    String code;
    try {
      code =
          Awaitility.await("a code of the authenticator app not entered yet")
              .atMost(step.plusSeconds(1))
              .pollDelay(Duration.ZERO)
              .pollInterval(POLL)
              .until(() -> codeAt(clock.get()), now -> !Objects.equals(now, lastUsed));
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          "The authenticator app showed the code it gave last for more than one "
              + step.toSeconds()
              + " s step; the clock read "
              + clock.get()
              + ".",
          e);
    }
    lastUsed = code;
    return code;
  }

  @Override
  public String toString() {
    // The key is a secret of the user's, as their password is.
    return "AuthenticatorApp[key of " + secret.length() + " characters]";
  }
}
