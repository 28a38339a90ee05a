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
      assertThat(profile.localAmplifyOutputs())
          .as("%s: the outputs file its build imports, beside its package.json", app)
          .contains(profile.localBuild().resolveSibling("amplify_outputs.json"));
      assertThat(Files.isRegularFile(profile.localAmplifyOutputs().orElseThrow())).isTrue();
    }
  }

  @Test
  void theDirectLinkToTheDashboardIsTheAppsRoute() throws IOException {
    assertThat(AppProfile.load(Path.of("config/apps/reference.yaml")).link("dashboard"))
        .isEqualTo("/dashboard");
    assertThat(AppProfile.load(Path.of("config/apps/amplify-authenticator.yaml")).link("dashboard"))
        .as("an Expo Router app's dashboard is its root route, app/index.tsx")
        .isEqualTo("/");
    assertThat(AppProfile.load(write("signIn.email: email\n")).link("dashboard"))
        .as("a profile that names no link: the reference app's route")
        .isEqualTo("/dashboard");
  }

  @Test
  void aLinkMustBeAKnownScreensPath() throws IOException {
    Path file = write("links:\n  dashboard: home\n  profile: /me\n");

    var e = catchThrowableOfType(ConfigException.class, () -> AppProfile.load(file));

    assertThat(e.problems())
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("links.dashboard must be a path starting with '/'"))
        .anySatisfy(p -> assertThat(p).contains("links.profile is not known; known: dashboard"));
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
    // Configured from amplify_outputs.json, which carries the pool's password_policy, the component
    // checks the whole policy in the app (@aws-amplify/ui, helpers/accountSettings/validator).
    assertThat(messages.words("passwordThatHasNoNumber").text())
        .isEqualTo("Password must have numbers");
    assertThat(messages.words("passwordThatHasNoSymbol").text())
        .isEqualTo("Password must have special characters");
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
