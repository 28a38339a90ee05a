package io.authflow.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.userpool.PoolUser;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolSnapshotTest {

  @Test
  void showsStatusAndTheAttributesThatExplainASignInButHidesTheRest() {
    PoolUser user =
        new PoolUser(
            "c9c9d37b",
            "UNCONFIRMED",
            true,
            Instant.parse("2026-11-26T18:49:07Z"),
            Map.of(
                "email", "authflow-x-1@authflow.test",
                "email_verified", "false",
                "phone_number", "+15550123456",
                "custom:tenant", "acme-secret-tenant"));

    String snapshot = PoolSnapshot.of(user);

    assertThat(snapshot)
        .contains(
            "Status: UNCONFIRMED",
            "email: authflow-x-1@authflow.test",
            "email_verified: false",
            "phone_number: *********456",
            "custom:tenant: (hidden, 18 characters)")
        .doesNotContain("acme-secret-tenant", "+1555012");
  }
}
