package io.authflow.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEnvironmentTest {
  @TempDir Path dir;

  @Test
  void theAppsBuildIsTheOneServedATeamsOwnWhenLocalAppBuildNamesIt() throws IOException {
    Path own = Files.createDirectories(dir.resolve("dist"));
    Files.writeString(own.resolve("index.html"), "<!doctype html>");
    var config =
        new ConfigLoader(
                Path.of("config"),
                Map.of(
                    "authflow.app.name", "amplify-authenticator",
                    "authflow.local.appBuild", own.toString(),
                    "authflow.local.amplifyOutputs",
                        Path.of("src/local/expo/amplify_outputs.json").toAbsolutePath().toString()),
                Map.of())
            .load("local");

    assertThat(new RunEnvironment().entries(config, Path.of("")).get("App"))
        .as("not the stamp of the profile's own build (src/local/authenticator/dist)")
        .isEqualTo("amplify-authenticator, build the static build in " + own);

    Files.writeString(own.resolve(".authflow-src.sha256"), "0123456789abcdef0123\n");
    assertThat(new RunEnvironment().entries(config, Path.of("")).get("App"))
        .isEqualTo("amplify-authenticator, build local browser build of source 0123456789ab");
  }

  @Test
  void aPoolIdKeepsItsRegionAndLastTwoCharacters() {
    assertThat(RunEnvironment.maskPoolId("eu-west-1_AbCdEf123")).isEqualTo("eu-west-1_*******23");
    assertThat(RunEnvironment.maskPoolId("eu-west-1_ab")).isEqualTo("****");
    assertThat(RunEnvironment.maskPoolId("")).isEqualTo("(none)");
  }

  @Test
  void aUrlLosesItsUserInfoAndQuery() {
    assertThat(RunEnvironment.maskUrl("https://user:access-key@hub.example.test/wd/hub"))
        .isEqualTo("https://hub.example.test/wd/hub");
    assertThat(RunEnvironment.maskUrl("https://bucket.example.test/app.apk?X-Amz-Signature=abc"))
        .isEqualTo("https://bucket.example.test/app.apk");
    assertThat(RunEnvironment.maskUrl("bs://c700ce60?x=1")).isEqualTo("bs://c700ce60");
  }
}
