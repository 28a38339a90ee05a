package io.authflow.e2e.device;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.parts.StackWatch;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The LambdaTest profile authenticates at its hub in both ways LambdaTest documents for app
 * automation: as its samples' hub URL credentials go on the wire (a Basic Authorization header with
 * the request), and as the user and accessKey of lt:options its capability reference lists.
 * WireMock stands in for the hub; it sends no 401 challenge, so the header must come unasked.
 */
class LambdaTestHubTest {
  @RegisterExtension
  static WireMockExtension hub =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final String BASIC =
      "Basic "
          + Base64.getEncoder()
              .encodeToString("lt-user:lt-secret-key".getBytes(StandardCharsets.UTF_8));

  @Test
  void theSessionRequestCarriesTheCredentialsAsBasicAuthAndInLtOptions() {
    hub.stubFor(
        post("/wd/hub/session")
            .willReturn(
                okJson(
                    "{\"value\":{\"sessionId\":\"lt-session-1\",\"capabilities\":"
                        + "{\"platformName\":\"android\",\"automationName\":\"UiAutomator2\"}}}")));
    hub.stubFor(delete("/wd/hub/session/lt-session-1").willReturn(okJson("{\"value\":null}")));
    AppSession session = new AppSession(lambdaTest(), new RunDevices(), new StackWatch());

    session.driver();
    session.dispose();

    hub.verify(
        postRequestedFor(urlEqualTo("/wd/hub/session"))
            .withHeader("Authorization", equalTo(BASIC))
            .withRequestBody(
                matchingJsonPath(
                    "$.capabilities.firstMatch[0]['lt:options'].user", equalTo("lt-user")))
            .withRequestBody(
                matchingJsonPath(
                    "$.capabilities.firstMatch[0]['lt:options'].accessKey",
                    equalTo("lt-secret-key"))));
  }

  @Test
  void aRefusedSessionNamesTheHubWithoutTheCredentials() {
    hub.stubFor(
        post("/wd/hub/session")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"value\":{\"error\":\"session not created\",\"message\":"
                            + "\"Invalid credentials\",\"stacktrace\":\"\"}}")));
    HarnessConfig config = lambdaTest();

    var e =
        catchThrowableOfType(
            SessionStartException.class,
            () -> new AppSession(config, new RunDevices(), new StackWatch()).driver());

    assertThat(e.getMessage())
        .contains("Appium at " + config.target().appium())
        .doesNotContain("lt-secret-key")
        .doesNotContain("lt-user:");
  }

  private static HarnessConfig lambdaTest() {
    return Profiles.complete(
        "lambdatest-android",
        "lt://APP10160301691753941998244672",
        Map.of("AUTHFLOW_TARGET_APPIUM", hub.baseUrl() + "/wd/hub"));
  }
}
