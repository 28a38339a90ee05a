package io.authflow.e2e.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Finding the one-time code in a message body with the configured pattern. */
class CodeExtractorTest {
  // config/defaults.yaml's inbox.codePattern.
  private static final String DEFAULT_PATTERN = "\\b(\\d{6,8})\\b";

  @Test
  void findsTheCodeInCognitosDefaultVerificationMessage() {
    assertThat(new CodeExtractor(DEFAULT_PATTERN).extract("Your verification code is 123456. "))
        .contains("123456");
  }

  @Test
  void findsTheEightDigitsOfAnEmailSignInCode() {
    assertThat(new CodeExtractor(DEFAULT_PATTERN).extract("Your sign-in code is 12345678. "))
        .contains("12345678");
  }

  @Test
  void ignoresLongerNumbersThanAnyCode() {
    assertThat(
            new CodeExtractor(DEFAULT_PATTERN).extract("Order 123456789 confirmed, code 654321."))
        .contains("654321");
  }

  @Test
  void usesACustomPattern() {
    assertThat(new CodeExtractor("code: ([A-Z0-9]{8})").extract("Your code: AB12CD34 (valid 1h)"))
        .contains("AB12CD34");
  }

  @Test
  void isEmptyWhenNothingMatches() {
    assertThat(new CodeExtractor(DEFAULT_PATTERN).extract("Welcome! No code in here, only 12345."))
        .isEmpty();
  }

  @Test
  void takesTheFirstGroupNotTheWholeMatch() {
    assertThat(new CodeExtractor("(\\d{4})-(\\d{4})").extract("Use 1234-5678 to sign in"))
        .contains("1234");
  }

  @Test
  void takesTheFirstCodeInTheText() {
    assertThat(
            new CodeExtractor(DEFAULT_PATTERN).extract("New code 111111; the old 222222 is void"))
        .contains("111111");
  }
}
