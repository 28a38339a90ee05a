package io.authflow.e2e.inbox;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.authflow.e2e.config.ConfigException;
import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.config.InboxConfig.InboxType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The documented real-pool profile, config/staging.yaml, filled in with AUTHFLOW_ variables as the
 * docs/real-pools.md shows, and the checks made before the Mailosaur inbox is built.
 */
class MailosaurInboxConfigTest {
  private static final String KEY = "mls-test-key-7f3a9c2e51";
  private static final String EMAIL = "authflow-run1-1@abcd1234.mailosaur.net";

  @RegisterExtension
  static WireMockExtension mailosaur =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static String resource(String name) {
    try (var in = MailosaurInboxConfigTest.class.getResourceAsStream("/mailosaur/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theStagingProfileFilledInFromTheEnvironmentGivesAMailosaurInbox() {
    HarnessConfig config = staging(Map.of("AUTHFLOW_INBOX_APIURL", mailosaur.baseUrl() + "/"));

    assertThat(config.inbox().type()).isEqualTo(InboxType.MAILOSAUR);
    assertThat(config.inbox().serverId()).isEqualTo("abcd1234");
    assertThat(config.userPool().id()).isEqualTo("eu-central-1_Ab3dE5gH7");
    assertThat(config.userPool().disposable()).isFalse();
    var inbox = MailosaurInbox.fromEnvironment(config, Map.of("MAILOSAUR_API_KEY", KEY));
    mailosaur.stubFor(
        post(urlPathEqualTo("/api/messages/search"))
            .willReturn(okJson(resource("search-one-email.json"))));
    mailosaur.stubFor(
        get(urlPathMatching("/api/messages/[^/]+"))
            .willReturn(okJson(resource("message-email.json"))));

    // The inbox from the config asks the configured server, with the key from the environment.
    assertThat(inbox.awaitCode(EMAIL, Instant.EPOCH, Duration.ofSeconds(5)).code())
        .isEqualTo("482913");
    mailosaur.verify(
        postRequestedFor(urlPathEqualTo("/api/messages/search"))
            .withQueryParam("server", equalTo("abcd1234"))
            .withBasicAuth(new BasicCredentials(KEY, "")));
  }

  @Test
  void aMissingKeyNamesTheVariableAndHowToSetIt() {
    var e =
        catchThrowableOfType(
            ConfigException.class,
            () -> MailosaurInbox.fromEnvironment(staging(Map.of()), Map.of()));

    assertThat(e.problems())
        .singleElement()
        .asString()
        .startsWith("MAILOSAUR_API_KEY is not set")
        .contains(
            "Mailosaur dashboard", "export MAILOSAUR_API_KEY=<key>", "never read from a file");
  }

  @Test
  void aMissingServerIdAndKeyAreListedTogether() {
    HarnessConfig config = staging(Map.of("AUTHFLOW_INBOX_SERVERID", ""));

    var e =
        catchThrowableOfType(
            ConfigException.class, () -> MailosaurInbox.fromEnvironment(config, Map.of()));

    assertThat(e.problems()).hasSize(2);
    assertThat(e.getMessage())
        .contains("MAILOSAUR_API_KEY is not set")
        .contains("inbox.serverId is ''", "AUTHFLOW_INBOX_SERVERID");
  }

  @Test
  void anEmailDomainThatMissesTheServerIsRefusedWithTheRightOne() {
    HarnessConfig config = staging(Map.of("AUTHFLOW_USERS_EMAILDOMAIN", "authflow.test"));

    var e =
        catchThrowableOfType(
            ConfigException.class,
            () -> MailosaurInbox.fromEnvironment(config, Map.of("MAILOSAUR_API_KEY", KEY)));

    assertThat(e.problems())
        .singleElement()
        .asString()
        .contains("users.emailDomain is 'authflow.test'")
        .contains("set users.emailDomain: abcd1234.mailosaur.net.")
        .doesNotContain(KEY);
  }

  private static HarnessConfig staging(Map<String, String> more) {
    Map<String, String> variables = new HashMap<>();
    variables.put("AUTHFLOW_INBOX_SERVERID", "abcd1234");
    variables.put("AUTHFLOW_USERS_EMAILDOMAIN", "abcd1234.mailosaur.net");
    variables.put("AUTHFLOW_USERPOOL_AMPLIFYOUTPUTS", amplifyOutputs().toString());
    // The loader insists on the key too; fromEnvironment is given its own environment below.
    variables.put("MAILOSAUR_API_KEY", KEY);
    variables.putAll(more);
    return new ConfigLoader(Path.of("config"), Map.of(), variables).load("staging");
  }

  private static Path amplifyOutputs() {
    try {
      return Path.of(
          MailosaurInboxConfigTest.class.getResource("/amplify/amplify_outputs.json").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
