package io.authflow.e2e.screens;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.config.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile is checked as a whole against the names the screens declare: every gap listed at once,
 * with the file and the key that was probably meant.
 */
class ProfileCompletenessTest {
  private static final Path AUTHENTICATOR = Path.of("config/apps/amplify-authenticator.yaml");
  @TempDir Path dir;

  @Test
  void theShippedProfilesHaveEveryNameOnEveryPlatformForEveryScenario() {
    for (Path file : List.of(Path.of("config/apps/reference.yaml"), AUTHENTICATOR)) {
      for (Platform platform : Platform.values()) {
        assertThat(
                ProfileCompleteness.ofTheScreens()
                    .problems(AppProfile.load(file), platform, tag -> true))
            .as("%s on %s", file, platform)
            .isEmpty();
      }
    }
  }

  @Test
  void aRemovedAndAMisspeltNameAreListedTogetherWithTheFileAndTheKeyMeant() throws IOException {
    String yaml =
        Files.readString(AUTHENTICATOR)
            .replace("signIn.submit: amplify__button\n", "")
            .replace("signIn.password:", "signIn.pasword:");
    Path copy = Files.writeString(dir.resolve("copy.yaml"), yaml);

    List<String> problems =
        ProfileCompleteness.ofTheScreens()
            .problems(AppProfile.load(copy), Platform.BROWSER, tag -> true);

    assertThat(problems)
        .containsExactlyInAnyOrder(
            copy
                + " has no 'signIn.password' (the signIn screen asks for it); did you mean"
                + " 'signIn.pasword'? Rename that key to 'signIn.password'.",
            copy
                + " has no 'signIn.submit' (the signIn screen asks for it); add it"
                + " (signIn.submit: <the app's testID>).");
  }

  @Test
  void theMobileFieldIsNeededOnlyWhenTheRunHasScenariosWithCodesBySms() throws IOException {
    Path copy =
        Files.writeString(
            dir.resolve("no-phone.yaml"),
            Files.readString(AUTHENTICATOR)
                .replace("signUp.phone: authenticator__text-field__input-phone_number\n", ""));
    AppProfile profile = AppProfile.load(copy);
    var check = ProfileCompleteness.ofTheScreens();

    assertThat(check.problems(profile, Platform.BROWSER, tag -> false)).isEmpty();
    assertThat(check.problems(profile, Platform.BROWSER, "@otp-sms"::equals))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("has no 'signUp.phone' (the scenarios tagged @otp-sms ask for it)");
  }

  @Test
  void aNameWithoutALocatorForThePlatformInUseIsNamed() throws IOException {
    Path copy =
        Files.writeString(
            dir.resolve("browser-only.yaml"),
            Files.readString(AUTHENTICATOR)
                .replace("  android: \"xpath://*[@text='Forgot Password?']\"\n", "")
                .replace("  ios: \"xpath://*[@label='Forgot Password?']\"\n", ""));
    var check = ProfileCompleteness.ofTheScreens();
    AppProfile profile = AppProfile.load(copy);

    assertThat(check.problems(profile, Platform.BROWSER, tag -> true)).isEmpty();
    assertThat(check.problems(profile, Platform.ANDROID, tag -> true))
        .containsExactly(
            copy
                + ": signIn.forgotPassword has no locator for android. The android run asks for it.");
  }
}
