package io.authflow.e2e.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.config.PasswordPolicy;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Generated passwords satisfy the pool's policy every time, not just usually. */
class PasswordGeneratorTest {
  private static final int SAMPLES = 1000;
  // Cognito's symbol set (its docs), which the pool checks against.
  private static final String COGNITO_SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-";

  @ParameterizedTest(name = "minLength {0}")
  @ValueSource(ints = {6, 8, 12, 20})
  void everyPasswordSatisfiesThePolicy(int minLength) {
    var generator = new PasswordGenerator(new PasswordPolicy(minLength, true, true, true, true));

    List<String> passwords =
        IntStream.range(0, SAMPLES).mapToObj(i -> generator.generate()).toList();

    assertThat(passwords)
        .allSatisfy(
            p -> {
              assertThat(p.length()).isGreaterThanOrEqualTo(minLength);
              assertThat(p)
                  .containsPattern("[A-Z]")
                  .containsPattern("[a-z]")
                  .containsPattern("[0-9]");
              assertThat(p.chars()).anyMatch(c -> COGNITO_SYMBOLS.indexOf(c) >= 0);
              assertThat(p.chars()).allMatch(c -> c > ' ' && c < 127);
            });
  }

  @ParameterizedTest(name = "minLength {0}")
  @ValueSource(ints = {12, 20})
  void passwordsDiffer(int minLength) {
    var generator = new PasswordGenerator(new PasswordPolicy(minLength, true, true, true, true));

    Set<String> distinct = new HashSet<>();
    IntStream.range(0, SAMPLES).forEach(i -> distinct.add(generator.generate()));

    assertThat(distinct).hasSize(SAMPLES);
  }

  @ParameterizedTest(name = "minLength {0}")
  @ValueSource(ints = {8, 12})
  void aLaxPolicyStillGetsEveryClass(int minLength) {
    // A stricter real pool must accept what was generated for a lax config.
    var generator =
        new PasswordGenerator(new PasswordPolicy(minLength, false, false, false, false));

    assertThat(IntStream.range(0, SAMPLES).mapToObj(i -> generator.generate()))
        .allSatisfy(
            p ->
                assertThat(p)
                    .hasSizeGreaterThanOrEqualTo(minLength)
                    .containsPattern("[A-Z]")
                    .containsPattern("[a-z]")
                    .containsPattern("[0-9]")
                    .containsPattern("[!#%*+\\-=?@^_]"));
  }
}
