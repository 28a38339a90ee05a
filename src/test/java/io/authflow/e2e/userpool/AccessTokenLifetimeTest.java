package io.authflow.e2e.userpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** DescribeUserPoolClient's AccessTokenValidity and TokenValidityUnits, as Cognito reads them. */
class AccessTokenLifetimeTest {
  @Test
  void theValidityIsCountedInItsUnit() {
    assertThat(AccessTokenLifetime.of("c", 10, "seconds").lifetime())
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(AccessTokenLifetime.of("c", 5, "minutes").lifetime())
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(AccessTokenLifetime.of("c", 1, "days").lifetime()).isEqualTo(Duration.ofDays(1));
    assertThat(AccessTokenLifetime.of("c", 5, "minutes").described())
        .isEqualTo("AccessTokenValidity 5 minutes");
  }

  // Cognito's defaults: access tokens live one hour; the unit of access tokens is hours.
  @Test
  void whatTheClientLeavesUnsetIsCognitosDefault() {
    var unset = AccessTokenLifetime.of("c", null, null);
    assertThat(unset.lifetime()).isEqualTo(Duration.ofHours(1));
    assertThat(unset.described())
        .isEqualTo("AccessTokenValidity 1 hours (not set: Cognito's default)");
    assertThat(AccessTokenLifetime.of("c", 2, null).lifetime()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void anUnknownUnitNamesTheClientAndCognitosUnits() {
    assertThatThrownBy(() -> AccessTokenLifetime.of("client-1", 1, "weeks"))
        .hasMessageContaining("client-1")
        .hasMessageContaining("'weeks'")
        .hasMessageContaining("seconds, minutes, hours, days");
  }
}
