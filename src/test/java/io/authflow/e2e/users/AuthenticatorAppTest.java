package io.authflow.e2e.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The codes of a user's authenticator app, against RFC 6238's own test vectors. */
class AuthenticatorAppTest {
  // RFC 6238 appendix B's SHA-1 seed, "12345678901234567890", in base32.
  private static final String RFC_SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  @Test
  void codesAreRfc6238sLastSixDigits() {
    var app = new AuthenticatorApp(RFC_SEED);

    // Appendix B: 94287082 at 59 s, 07081804 at 1111111109 s, 14050471 at 1111111111 s.
    assertThat(app.codeAt(Instant.ofEpochSecond(59))).isEqualTo("287082");
    assertThat(app.codeAt(Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    assertThat(app.codeAt(Instant.ofEpochSecond(1111111111))).isEqualTo("050471");
  }

  @Test
  void takesTheKeyAsAppsShowIt() {
    var shown = new AuthenticatorApp("gezd gnbv gy3t qojq gezd gnbv gy3t qojq");

    assertThat(shown.codeAt(Instant.ofEpochSecond(59))).isEqualTo("287082");
  }

  @Test
  void theNextCodeIsNeverTheOneEnteredBefore() {
    var now = new AtomicReference<>(Instant.ofEpochSecond(60));
    var app = new AuthenticatorApp(RFC_SEED, () -> now.getAndUpdate(t -> t.plusSeconds(10)));

    String first = app.nextCode();
    String second = app.nextCode();

    assertThat(first).isEqualTo(app.codeAt(Instant.ofEpochSecond(60)));
    assertThat(second).isNotEqualTo(first).isEqualTo(app.codeAt(Instant.ofEpochSecond(90)));
  }

  @Test
  void aKeyThatIsNotBase32IsNamed() {
    assertThatThrownBy(() -> new AuthenticatorApp("not-base32!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'not-base32!' is not base32");
  }
}
