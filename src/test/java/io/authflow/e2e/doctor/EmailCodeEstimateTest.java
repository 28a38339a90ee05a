package io.authflow.e2e.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The doctor's estimate of the email codes a run asks for, from the project's own features/ and the
 * selections a run can make (tags, names, files), as Cucumber selects them.
 */
class EmailCodeEstimateTest {
  private static final List<Path> FEATURES = List.of(Path.of("features"));

  @Test
  void theWholeSuiteAsksForACodePerEmailSignUpNewCodeResetAndSignInCode() {
    EmailCodeEstimate all = EmailCodeEstimate.of(FEATURES, "", "");

    // sign_up.feature: by email 1, mistyped code 1, new code 1 + 1, left and came back 1 + 1;
    // forgot_password.feature: one reset code in each of its 4 scenarios; a sign-in code by email
    // instead of a password (where the pool offers it). By SMS: none.
    assertThat(all.codes()).isEqualTo(11);
    assertThat(all.sendingScenarios()).isEqualTo(9);
    assertThat(all.describe())
        .startsWith("this run asks for about 11 email codes (9 of its ")
        .contains(
            "4 sign-ups", "2 new codes", "4 password resets", "1 sign-in code", "reruns ask again");
  }

  @Test
  void onlyTheSelectedScenariosCount() {
    assertThat(EmailCodeEstimate.of(FEATURES, "@smoke", "").codes()).isEqualTo(2);
    assertThat(EmailCodeEstimate.of(FEATURES, "@password-reset", "").codes()).isEqualTo(4);
    assertThat(EmailCodeEstimate.of(FEATURES, "@new-user and not @otp-sms", "").codes())
        .isEqualTo(6);
    assertThat(EmailCodeEstimate.of(FEATURES, "", ".*new code.*").codes()).isEqualTo(2);
    assertThat(EmailCodeEstimate.of(List.of(Path.of("features/returning_user")), "", "").codes())
        .isZero();
    assertThat(EmailCodeEstimate.of(FEATURES, "not @otp-email", "").describe())
        .startsWith("this run asks for about 0 email codes (none of its ");
  }

  @Test
  void everyStepCountedAsSendingIsOneTheFeaturesUse() throws IOException {
    String steps;
    try (Stream<Path> files = Files.walk(Path.of("features"))) {
      steps =
          String.join(
              "\n",
              files
                  .filter(f -> f.toString().endsWith(".feature"))
                  .map(
                      f -> {
                        try {
                          return Files.readString(f);
                        } catch (IOException e) {
                          throw new java.io.UncheckedIOException(e);
                        }
                      })
                  .toList());
    }
    // A reworded step would silently drop out of the estimate; this says which one.
    for (String step : EmailCodeEstimate.SENDING_STEPS.keySet()) {
      String inFeature = step.replace("their email", "their <channel>");
      assertThat(steps.contains(step) || steps.contains(inFeature))
          .as("a feature step reads '%s'", step)
          .isTrue();
    }
  }
}
