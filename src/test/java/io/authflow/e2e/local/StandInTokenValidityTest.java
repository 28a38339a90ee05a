package io.authflow.e2e.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.authflow.e2e.config.TokenValidity;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * local.tokenValidity reaches the stand-in's app client, which reports it as a real pool's client
 * does (DescribeUserPoolClient: validity and units), so the harness reads lifetimes one way.
 */
class StandInTokenValidityTest {
  @TempDir Path dir;

  @Test
  void theAppClientReportsTheConfiguredLifetimesInCognitosShape() {
    var shortened =
        new TokenValidity(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofHours(1));
    try (var cognito = LocalCognito.start(dir, shortened);
        var sdk = cognito.sdkClient()) {
      UserPoolClientType client =
          sdk.describeUserPoolClient(
                  r -> r.userPoolId(cognito.userPoolId()).clientId(cognito.appClientId()))
              .userPoolClient();

      assertThat(client.accessTokenValidity()).isEqualTo(2);
      assertThat(client.tokenValidityUnits().accessToken()).isEqualTo(TimeUnitsType.SECONDS);
      assertThat(client.idTokenValidity()).isEqualTo(3);
      assertThat(client.tokenValidityUnits().idToken()).isEqualTo(TimeUnitsType.SECONDS);
      assertThat(client.refreshTokenValidity()).isEqualTo(60);
      assertThat(client.tokenValidityUnits().refreshToken()).isEqualTo(TimeUnitsType.MINUTES);
    }
  }
}
