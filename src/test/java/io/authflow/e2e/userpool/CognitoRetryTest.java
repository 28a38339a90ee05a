package io.authflow.e2e.userpool;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.authflow.e2e.config.PasswordPolicy;
import io.authflow.e2e.config.UserPoolConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin client tries a retryable failure (Cognito's InternalErrorException here; throttling
 * takes the same path with longer pauses) {@value CognitoUserPool#MAX_ATTEMPTS} times in all, then
 * fails with the pool named.
 */
class CognitoRetryTest {
  @RegisterExtension
  static WireMockExtension cognito =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void aRetryableFailureIsTriedMaxAttemptsTimesInAll() {
    cognito.stubFor(
        post(urlEqualTo("/"))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withHeader("x-amzn-ErrorType", "InternalErrorException")
                    .withBody(
                        "{\"__type\":\"InternalErrorException\",\"message\":\"try again\"}")));
    var config =
        new UserPoolConfig(
            "eu-west-1",
            "eu-west-1_abc123",
            "client123",
            cognito.baseUrl() + "/",
            true,
            new PasswordPolicy(8, true, true, true, true),
            UserPoolConfig.PolicySource.CONFIG,
            "");
    Throwable failure;
    try (var pool =
        new CognitoUserPool(
            config,
            new PoolGuard(config.id(), true, "authflow", "authflow.test"),
            java.time.Duration.ofSeconds(60))) {
      failure = catchThrowable(() -> pool.find("authflow-x-1@authflow.test"));
    }

    assertThat(failure)
        .isInstanceOf(UserPoolUnavailableException.class)
        .hasMessageContaining("eu-west-1_abc123");
    cognito.verify(CognitoUserPool.MAX_ATTEMPTS, postRequestedFor(urlEqualTo("/")));
    assertThat(CognitoUserPool.MAX_ATTEMPTS).isEqualTo(6);
  }
}
