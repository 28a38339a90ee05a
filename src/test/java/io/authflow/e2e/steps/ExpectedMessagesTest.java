package io.authflow.e2e.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.screens.AppMessages;
import io.authflow.e2e.userpool.ExistenceErrors;
import io.authflow.e2e.userpool.UnansweringPool;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the same feature line expects against either setting of the app client. */
class ExpectedMessagesTest {
  private final AppMessages reference =
      new AppMessages(new ConfigLoader(Path.of("config"), Map.of(), Map.of()).load("local"));

  @Test
  void anUnknownUserIsToldWhatAWrongPasswordIsWhenTheClientHidesUserExistence() {
    var expected = expectations("ENABLED").of(MessageIntent.fromWords("unknown user"));

    assertThat(expected.text()).isEqualTo("Incorrect username or password.");
    assertThat(expected.reason())
        .startsWith("app client client-1 has PreventUserExistenceErrors ENABLED")
        .contains("messages.wrongPassword");
  }

  @Test
  void anUnknownUserIsToldTheUserDoesNotExistWhenTheClientIsLegacy() {
    var expected = expectations("LEGACY").of(MessageIntent.fromWords("unknown user"));

    assertThat(expected.text()).isEqualTo("User does not exist.");
    assertThat(expected.reason())
        .startsWith("app client client-1 has PreventUserExistenceErrors LEGACY");
  }

  @Test
  void otherOutcomesAreTheProfilesWordsWhateverTheClient() {
    var expected =
        expectations("ENABLED").of(MessageIntent.fromWords("password that has no symbol"));

    assertThat(expected.text())
        .isEqualTo("Password did not conform with policy: Password must have symbol characters");
  }

  @Test
  void anIntentIsItsWordsCamelCased() {
    assertThat(MessageIntent.fromWords("new password that is too short"))
        .isEqualTo(new MessageIntent("newPasswordThatIsTooShort"));
  }

  private ExpectedMessages expectations(String setting) {
    return new ExpectedMessages(reference, new ClientSettingOnly(setting));
  }

  /** A pool that answers only what the app client's setting is. */
  private static final class ClientSettingOnly extends UnansweringPool {
    private final String setting;

    ClientSettingOnly(String setting) {
      this.setting = setting;
    }

    @Override
    public ExistenceErrors existenceErrors() {
      return new ExistenceErrors("client-1", setting);
    }
  }
}
