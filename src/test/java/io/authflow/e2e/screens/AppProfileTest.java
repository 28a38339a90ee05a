package io.authflow.e2e.screens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.authflow.e2e.config.ConfigException;
import io.authflow.e2e.config.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** App profiles: the shipped ones load, and a profile's shapes and mistakes are read as written. */
class AppProfileTest {
  @TempDir Path dir;

  @Test
  void theShippedProfilesLoadWithEveryScreenOnEveryPlatform() {
    for (String app : new String[] {"reference", "amplify-authenticator"}) {
      AppProfile profile = AppProfile.load(Path.of("config/apps", app + ".yaml"));
      for (String screen :
          new String[] {
            "signIn", "signUp", "confirmSignUp", "forgotPassword", "resetPassword", "dashboard"
          }) {
        for (Platform platform : Platform.values()) {
          assertThat(profile.screens().locator(screen + ".screen", platform))
              .as("%s: %s.screen on %s", app, screen, platform)
              .isNotNull();
        }
      }
      assertThat(Files.isRegularFile(profile.localBuild().resolveSibling("package.json")))
          .as("%s: localBuild is the dist folder of an app under src/local", app)
          .isTrue();
    }
  }

  @Test
  void theAuthenticatorsDifferencesAreDeclaredInItsProfile() {
    AppProfile profile = AppProfile.load(Path.of("config/apps/amplify-authenticator.yaml"));
    AppMessages messages = AppMessages.load(Path.of("config/apps/amplify-authenticator.yaml"));

    assertThat(profile.signsInAfterConfirmingSignUp()).as("autoSignIn").isTrue();
    assertThat(profile.signsInAfterConfirmingAtSignIn()).isFalse();
    assertThat(profile.keepsBrowserHistory()).isFalse();
    assertThat(profile.screens().has("signUp.confirmPassword")).isTrue();
    assertThat(profile.screens().has("resetPassword.confirmPassword")).isTrue();
    assertThat(messages.showsNone("passwordChanged")).isTrue();
    assertThat(messages.words("passwordThatIsTooShort").text())
        .isEqualTo("Password must have at least 8 characters");
    assertThat(messages.words("passwordThatHasNoNumber").text())
        .as("other policy breaches are the server's words")
        .startsWith("Password did not conform with policy");
  }

  @Test
  void theReferenceAppKeepsTheDefaults() {
    AppProfile profile = AppProfile.load(Path.of("config/apps/reference.yaml"));

    assertThat(profile.signsInAfterConfirmingSignUp()).isTrue();
    assertThat(profile.signsInAfterConfirmingAtSignIn()).isTrue();
    assertThat(profile.keepsBrowserHistory()).isTrue();
    assertThat(profile.requires("signUp.phone")).isFalse();
  }

  @Test
  void requiredFieldsAndFlowAreRead() throws IOException {
    AppProfile profile =
        AppProfile.load(
            write(
                """
                signUp.phone: SignUp.mobile
                required: [signUp.phone]
                flow:
                  afterConfirmingSignUp: signIn
                  afterConfirmingAtSignIn: signIn
                  browserHistory: false
                """));

    assertThat(profile.requires("signUp.phone")).isTrue();
    assertThat(profile.signsInAfterConfirmingSignUp()).isFalse();
    assertThat(profile.signsInAfterConfirmingAtSignIn()).isFalse();
    assertThat(profile.keepsBrowserHistory()).isFalse();
    assertThat(profile.screens().nameOf("SignUp.mobile")).contains("signUp.phone");
  }

  @Test
  void everyMistakeIsNamedWithTheFile() throws IOException {
    Path file =
        write(
            """
            signIn.email: email
            required: [signUp.phone]
            flow:
              afterConfirmingAtSignIn: home
              backButton: true
            extras: {}
            """);

    var e = catchThrowableOfType(ConfigException.class, () -> AppProfile.load(file));

    assertThat(e.problems())
        .hasSize(4)
        .allSatisfy(p -> assertThat(p).startsWith(file.toString()))
        .anySatisfy(p -> assertThat(p).contains("required field 'signUp.phone' has no locator"))
        .anySatisfy(
            p -> assertThat(p).contains("afterConfirmingAtSignIn must be dashboard or signIn"))
        .anySatisfy(p -> assertThat(p).contains("flow.backButton is not known"))
        .anySatisfy(p -> assertThat(p).contains("unknown section 'extras'"));
  }

  @Test
  void aProfileWithoutLocalBuildCannotBeServedLocally() throws IOException {
    AppProfile profile = AppProfile.load(write("signIn.email: email\n"));

    var e = catchThrowableOfType(ConfigException.class, profile::localBuild);

    assertThat(e).hasMessageContaining("has no localBuild");
  }

  @Test
  void aNullMessageMeansTheAppShowsNone() throws IOException {
    AppMessages messages = AppMessages.load(write("messages:\n  passwordChanged: null\n"));

    assertThat(messages.showsNone("passwordChanged")).isTrue();
    assertThat(messages.showsNone("wrongPassword")).isFalse();
    assertThat(messages.words("wrongPassword").text()).isEqualTo("Incorrect username or password.");
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("app.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
