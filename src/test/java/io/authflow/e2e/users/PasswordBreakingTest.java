package io.authflow.e2e.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.config.PasswordPolicy;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A password made to break the policy breaks exactly the rule asked for, every time: otherwise the
 * pool may name another rule and the scenario's expected message is wrong by chance.
 */
class PasswordBreakingTest {
  private static final PasswordPolicy POLICY = new PasswordPolicy(8, true, true, true, true);
  private static final int SAMPLES = 2000;

  @ParameterizedTest
  @EnumSource(PasswordFlaw.class)
  void breaksExactlyTheOneRule(PasswordFlaw flaw) {
    var generator = new PasswordGenerator(POLICY);
    for (int i = 0; i < SAMPLES; i++) {
      String password = generator.breaking(flaw);

      assertThat(flawsOf(password)).as("flaws of '%s'", password).containsExactly(flaw);
    }
  }

  @ParameterizedTest
  @EnumSource(PasswordFlaw.class)
  void staysLongEnoughForCognitosRequestValidation(PasswordFlaw flaw) {
    var generator = new PasswordGenerator(new PasswordPolicy(6, true, true, true, true));

    assertThat(generator.breaking(flaw)).hasSizeGreaterThanOrEqualTo(6);
  }

  private static Set<PasswordFlaw> flawsOf(String password) {
    Set<PasswordFlaw> flaws = EnumSet.noneOf(PasswordFlaw.class);
    if (password.length() < POLICY.minLength()) {
      flaws.add(PasswordFlaw.TOO_SHORT);
    }
    if (password.chars().noneMatch(c -> PasswordGenerator.DIGITS.indexOf(c) >= 0)) {
      flaws.add(PasswordFlaw.NO_NUMBER);
    }
    if (password.chars().noneMatch(c -> PasswordGenerator.UPPER.indexOf(c) >= 0)) {
      flaws.add(PasswordFlaw.NO_UPPERCASE);
    }
    if (password.chars().noneMatch(c -> PasswordGenerator.LOWER.indexOf(c) >= 0)) {
      flaws.add(PasswordFlaw.NO_LOWERCASE);
    }
    if (password.chars().noneMatch(c -> PasswordGenerator.SYMBOLS.indexOf(c) >= 0)) {
      flaws.add(PasswordFlaw.NO_SYMBOL);
    }
    return flaws;
  }
}
