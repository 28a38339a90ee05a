package io.authflow.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JourneyTest {

  @Test
  void theFolderUnderFeaturesNamesTheJourney() {
    assertThat(Journey.of(Path.of("/p/features/new_user/sign_up.feature").toUri()))
        .hasValue("New user");
    assertThat(Journey.of(Path.of("/p/features/password_reset/x.feature").toUri()))
        .hasValue("Password reset");
  }

  @Test
  void aRerunFilesRelativeUriNamesItToo() {
    assertThat(Journey.of(java.net.URI.create("file:features/returning_user/sign_in.feature")))
        .hasValue("Returning user");
  }

  @Test
  void aFeatureOutsideAJourneyFolderHasNone() {
    assertThat(Journey.of(Path.of("/p/features/secret_canary.feature").toUri())).isEmpty();
    assertThat(Journey.of(Path.of("/p/other/new_user/x.feature").toUri())).isEmpty();
  }
}
