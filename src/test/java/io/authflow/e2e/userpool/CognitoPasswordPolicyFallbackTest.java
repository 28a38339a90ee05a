package io.authflow.e2e.userpool;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.authflow.e2e.config.PasswordPolicy;
import io.authflow.e2e.config.UserPoolConfig;
import io.authflow.e2e.config.UserPoolConfig.PolicySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where test passwords get their policy when amplify_outputs.json has none: the pool's own, read
 * with DescribeUserPool from WireMock standing in for the Cognito JSON API (POST / with
 * x-amz-target), as the AWS SDK calls it.
 */
class CognitoPasswordPolicyFallbackTest {
  private static final String POOL_ID = "eu-central-1_Ab3dE5gH7";
  private static final String TARGET = "AWSCognitoIdentityProviderService.DescribeUserPool";
  private static final PasswordPolicy CONFIGURED = new PasswordPolicy(8, true, true, true, true);

  @RegisterExtension
  static WireMockExtension cognito =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void thePoolsOwnPolicyReplacesTheConfiguredGuess() {
    cognito.stubFor(describeUserPool().willReturn(pool(14, false)));

    UserPoolConfig resolved = withPolicyFrom(PolicySource.CONFIG);

    assertThat(resolved.passwordPolicy())
        .isEqualTo(new PasswordPolicy(14, true, true, true, false));
    assertThat(resolved.passwordPolicySource()).isEqualTo(PolicySource.USER_POOL);
    assertThat(resolved.id()).isEqualTo(POOL_ID);
    cognito.verify(
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo(TARGET))
            .withRequestBody(equalToJson("{\"UserPoolId\": \"" + POOL_ID + "\"}")));
  }

  @Test
  void aPolicyFromAmplifyOutputsIsNotAskedAgain() {
    UserPoolConfig resolved = withPolicyFrom(PolicySource.AMPLIFY_OUTPUTS);

    assertThat(resolved.passwordPolicy()).isEqualTo(CONFIGURED);
    assertThat(resolved.passwordPolicySource()).isEqualTo(PolicySource.AMPLIFY_OUTPUTS);
    assertThat(cognito.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void throttlingIsRetriedByTheSdk() {
    cognito.stubFor(
        describeUserPool()
            .inScenario("quota")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(error("TooManyRequestsException", "Too many requests"))
            .willSetStateTo("calm"));
    cognito.stubFor(
        describeUserPool()
            .inScenario("quota")
            .whenScenarioStateIs("calm")
            .willReturn(pool(10, true)));

    UserPoolConfig resolved = withPolicyFrom(PolicySource.CONFIG);

    assertThat(resolved.passwordPolicy().minLength()).isEqualTo(10);
    assertThat(cognito.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(2);
  }

  @Test
  void withoutPermissionForDescribeUserPoolTheConfiguredPolicyStays() {
    cognito.stubFor(
        describeUserPool()
            .willReturn(
                error(
                    "AccessDeniedException",
                    "User is not authorized to perform: cognito-idp:DescribeUserPool")));

    UserPoolConfig resolved = withPolicyFrom(PolicySource.CONFIG);

    assertThat(resolved.passwordPolicy()).isEqualTo(CONFIGURED);
    assertThat(resolved.passwordPolicySource()).isEqualTo(PolicySource.CONFIG);
  }

  @Test
  void anUnknownPoolStopsTheRunWithTheFix() {
    cognito.stubFor(
        describeUserPool()
            .willReturn(
                error("ResourceNotFoundException", "User pool " + POOL_ID + " does not exist.")));

    var e =
        catchThrowableOfType(
            UserPoolUnavailableException.class, () -> withPolicyFrom(PolicySource.CONFIG));

    assertThat(e.getMessage())
        .contains(POOL_ID, "ResourceNotFoundException", "Check userPool.id and userPool.region");
  }

  private UserPoolConfig withPolicyFrom(PolicySource source) {
    var config =
        new UserPoolConfig(
            "eu-central-1", POOL_ID, "client123", cognito.baseUrl(), false, CONFIGURED, source, "");
    try (var pool =
        new CognitoUserPool(
            config,
            new PoolGuard(POOL_ID, false, "authflow", "abcd1234.mailosaur.net"),
            java.time.Duration.ofSeconds(60))) {
      return pool.withPoolPasswordPolicy();
    }
  }

  private static MappingBuilder describeUserPool() {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET));
  }

  // DescribeUserPool's answer as documented (UserPool.Policies.PasswordPolicy), trimmed.
  private static ResponseDefinitionBuilder pool(int minLength, boolean symbols) {
    return aResponse()
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(
            """
            {"UserPool": {
              "Id": "%s",
              "Name": "amplifyAuthUserPool",
              "Policies": {"PasswordPolicy": {
                "MinimumLength": %d,
                "RequireUppercase": true,
                "RequireLowercase": true,
                "RequireNumbers": true,
                "RequireSymbols": %b,
                "TemporaryPasswordValidityDays": 7}},
              "UsernameAttributes": ["email"],
              "AutoVerifiedAttributes": ["email"]}}
            """
                .formatted(POOL_ID, minLength, symbols));
  }

  private static ResponseDefinitionBuilder error(String type, String message) {
    return aResponse()
        .withStatus(400)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withHeader("x-amzn-ErrorType", type)
        .withBody("{\"__type\": \"" + type + "\", \"message\": \"" + message + "\"}");
  }
}
