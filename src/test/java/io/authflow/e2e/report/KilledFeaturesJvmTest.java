package io.authflow.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The one line that replaces failsafe's fork-crash trace, read from a summary failsafe 3.5.4 wrote
 * when the features' JVM was killed with SIGKILL mid-run (failsafe/killed-summary.xml, its trace
 * cut short), and nothing for a run that ended.
 */
class KilledFeaturesJvmTest {
  @Test
  void aKilledFeaturesJvmIsOneLineSayingHowTheNextRunCleansUp() throws IOException {
    String line = KilledFeaturesJvm.line(resource("/failsafe/killed-summary.xml")).orElseThrow();

    assertThat(line)
        .startsWith("The features' JVM was killed (exit code 137) before the run ended")
        .contains("the next run's start reaps anything left")
        .doesNotContain("\n");
  }

  @Test
  void aRunThatEndedSaysNothing() {
    String ended =
        """
        <failsafe-summary result="255" timeout="false">
            <completed>23</completed>
            <errors>0</errors>
            <failures>1</failures>
            <skipped>0</skipped>
            <failureMessage xsi:nil="true" />
        </failsafe-summary>
        """;

    assertThat(KilledFeaturesJvm.line(ended)).isEmpty();
  }

  private static String resource(String name) throws IOException {
    try (var in = KilledFeaturesJvmTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
