package io.authflow.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunEnvironmentTest {

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
