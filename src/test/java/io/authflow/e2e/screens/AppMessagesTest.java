package io.authflow.e2e.screens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.authflow.e2e.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppMessagesTest {
  @TempDir Path dir;

  @Test
  void theProfilesWordsWinAndTheReportNamesWhereTheyCameFrom() throws IOException {
    Path profile = profile("messages:\n  wrongCode: That code is not right.\n");

    var words = AppMessages.load(profile).words("wrongCode");

    assertThat(words.text()).isEqualTo("That code is not right.");
    assertThat(words.source()).isEqualTo("messages.wrongCode of " + profile);
  }

  @Test
  void anIntentTheProfileLeavesOutTakesCognitosWording() throws IOException {
    var words = AppMessages.load(profile("signIn.email: signIn.email\n")).words("wrongPassword");

    assertThat(words.text()).isEqualTo("Incorrect username or password.");
    assertThat(words.source()).startsWith("Cognito's wording");
  }

  @Test
  void anIntentNobodyKnowsNamesTheFileAndTheKeyToAdd() throws IOException {
    Path profile = profile("messages: {}\n");

    assertThatThrownBy(() -> AppMessages.load(profile).words("passwordTooFunny"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(profile + " has no messages.passwordTooFunny; add it");
  }

  @Test
  void theScreenMapIgnoresTheMessagesSection() throws IOException {
    Path profile = profile("signIn.email: signIn.email\nmessages:\n  wrongCode: Nope.\n");

    assertThat(ScreenMap.load(profile).names()).containsExactly("signIn.email");
  }

  private Path profile(String yaml) throws IOException {
    return Files.writeString(dir.resolve("app.yaml"), yaml);
  }
}
