package io.authflow.e2e.screens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.authflow.e2e.config.ConfigException;
import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.HarnessConfig;
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
  void theWordsComeFromTheProfileBesideTheConfigInUseWhateverTheWorkingDirectory()
      throws IOException {
    // The working directory (the project) has config/apps/reference.yaml too, without this entry.
    Path configDir = Files.createDirectories(dir.resolve("elsewhere/config"));
    for (String file : new String[] {"defaults.yaml", "local.yaml"}) {
      Files.copy(Path.of("config", file), configDir.resolve(file));
    }
    Files.createDirectories(configDir.resolve("apps"));
    Files.writeString(
        configDir.resolve("apps/reference.yaml"),
        "messages:\n  wrongPassword: Wrong email or password.\n");
    HarnessConfig config =
        new ConfigLoader(configDir, java.util.Map.of(), java.util.Map.of()).load("local");

    var words = new AppMessages(config).words("wrongPassword");

    assertThat(words.text()).isEqualTo("Wrong email or password.");
    assertThat(words.source()).contains(configDir.resolve("apps/reference.yaml").toString());
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
