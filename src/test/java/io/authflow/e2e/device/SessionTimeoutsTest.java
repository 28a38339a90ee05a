package io.authflow.e2e.device;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.remote.http.HttpMethod;
import org.openqa.selenium.remote.http.HttpRequest;

/**
 * Starting a session may take timeouts.session; any other command only timeouts.api, so a server
 * that stops answering mid-scenario is not waited on for the session's minutes.
 */
class SessionTimeoutsTest {
  @RegisterExtension
  static WireMockExtension appium =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final int SLOW_MS = 1500;

  @Test
  void aSlowSessionStartIsAwaitedButASlowCommandTimesOut() {
    appium.stubFor(
        post(urlEqualTo("/session"))
            .willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(SLOW_MS)));
    appium.stubFor(
        get(urlEqualTo("/session/abc/url"))
            .willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(SLOW_MS)));
    var client =
        new SessionTimeouts(Duration.ofSeconds(10), Duration.ofMillis(500))
            .createClient(ClientConfig.defaultConfig().baseUri(URI.create(appium.baseUrl())));
    try {
      var started = client.execute(new HttpRequest(HttpMethod.POST, "/session"));
      Throwable command =
          catchThrowable(() -> client.execute(new HttpRequest(HttpMethod.GET, "/session/abc/url")));

      assertThat(started.getStatus()).isEqualTo(200);
      assertThat(command).as("a command slower than timeouts.api").isNotNull();
      assertThat(command.toString()).containsIgnoringCase("timeout");
    } finally {
      client.close();
    }
  }

  @Test
  void onlyPostingANewSessionCountsAsStartingOne() {
    assertThat(SessionTimeouts.isNewSession(new HttpRequest(HttpMethod.POST, "/wd/hub/session")))
        .isTrue();
    assertThat(SessionTimeouts.isNewSession(new HttpRequest(HttpMethod.POST, "/session/abc/url")))
        .isFalse();
    assertThat(SessionTimeouts.isNewSession(new HttpRequest(HttpMethod.DELETE, "/session/abc")))
        .isFalse();
  }
}
