package io.authflow.e2e.device;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.authflow.e2e.config.TargetConfig.Credentials;
import io.authflow.e2e.config.TargetConfig.Farm;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The three farms' upload contracts, against WireMock standing in for their REST APIs. */
class AppUploaderTest {
  @RegisterExtension
  static WireMockExtension api =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final Credentials CREDENTIALS =
      new Credentials("FARM_USERNAME", "farm-user", "FARM_ACCESS_KEY", "farm-secret-key");
  private static final String BASIC =
      "Basic "
          + Base64.getEncoder()
              .encodeToString("farm-user:farm-secret-key".getBytes(StandardCharsets.UTF_8));
  private static final byte[] APK = {'P', 'K', 3, 4, 0, 1, 2, 3, (byte) 0xff};

  @TempDir Path dir;

  @Test
  void browserStackTakesTheFileAsFileAndAnswersABsUrl() throws IOException {
    api.stubFor(
        post("/app-automate/upload")
            .willReturn(okJson("{\"app_url\":\"bs://f7c874f21852ba57957a3fdc33f47514288c4ba4\"}")));

    String app = uploader(Farm.BROWSERSTACK).upload(apk());

    assertThat(app).isEqualTo("bs://f7c874f21852ba57957a3fdc33f47514288c4ba4");
    api.verify(
        postRequestedFor(urlEqualTo("/app-automate/upload"))
            .withHeader("Authorization", equalTo(BASIC))
            .withRequestBodyPart(
                aMultipart("file")
                    .withHeader(
                        "Content-Disposition",
                        com.github.tomakehurst.wiremock.client.WireMock.containing(
                            "filename=\"authflow.apk\""))
                    .withBody(binaryEqualTo(APK))
                    .build()));
  }

  @Test
  void sauceLabsTakesTheFileAsPayloadAndItsIdBecomesAStorageReference() throws IOException {
    api.stubFor(
        post("/v1/storage/upload")
            .willReturn(
                okJson(
                    "{\"item\":{\"id\":\"2a5e4c3b-1d2e-4f5a-9b8c-7d6e5f4a3b2c\",\"name\":\"authflow.apk\"}}")));

    String app = uploader(Farm.SAUCELABS).upload(apk());

    assertThat(app).isEqualTo("storage:2a5e4c3b-1d2e-4f5a-9b8c-7d6e5f4a3b2c");
    api.verify(
        postRequestedFor(urlEqualTo("/v1/storage/upload"))
            .withHeader("Authorization", equalTo(BASIC))
            .withRequestBodyPart(aMultipart("payload").withBody(binaryEqualTo(APK)).build())
            .withRequestBodyPart(aMultipart("name").withBody(equalTo("authflow.apk")).build()));
  }

  @Test
  void lambdaTestTakesTheFileAsAppFileAndAnswersAnLtUrl() throws IOException {
    api.stubFor(
        post("/app/upload/realDevice")
            .willReturn(
                okJson(
                    "{\"app_url\":\"lt://APP1016043541690294830523489\",\"name\":\"authflow.apk\"}")));

    String app = uploader(Farm.LAMBDATEST).upload(apk());

    assertThat(app).isEqualTo("lt://APP1016043541690294830523489");
    api.verify(
        postRequestedFor(urlEqualTo("/app/upload/realDevice"))
            .withHeader("Authorization", equalTo(BASIC))
            .withRequestBodyPart(aMultipart("appFile").withBody(binaryEqualTo(APK)).build())
            .withRequestBodyPart(aMultipart("name").withBody(equalTo("authflow.apk")).build()));
  }

  @Test
  void refusedCredentialsNameTheVariablesButNotTheKey() throws IOException {
    api.stubFor(
        post("/app-automate/upload")
            .willReturn(
                aResponse().withStatus(401).withBody("{\"error\":\"bad key farm-secret-key\"}")));

    SessionStartException e =
        catchThrowableOfType(
            SessionStartException.class, () -> uploader(Farm.BROWSERSTACK).upload(apk()));

    assertThat(e.getMessage())
        .contains("HTTP 401")
        .contains("FARM_USERNAME / FARM_ACCESS_KEY")
        .contains("POST " + api.baseUrl() + "/app-automate/upload")
        .doesNotContain("farm-secret-key");
  }

  @Test
  void aServerErrorGivesItsStatusAndBodyWithTheKeyMasked() throws IOException {
    api.stubFor(
        post("/v1/storage/upload")
            .willReturn(aResponse().withStatus(500).withBody("storage down for farm-secret-key")));

    SessionStartException e =
        catchThrowableOfType(
            SessionStartException.class, () -> uploader(Farm.SAUCELABS).upload(apk()));

    assertThat(e.getMessage())
        .contains("HTTP 500: storage down for ***")
        .contains("Set target.app to a reference the farm already holds");
  }

  @Test
  void anAnswerWithoutTheReferenceSaysWhichFieldIsMissing() throws IOException {
    api.stubFor(post("/app/upload/realDevice").willReturn(okJson("{\"status\":\"queued\"}")));

    SessionStartException e =
        catchThrowableOfType(
            SessionStartException.class, () -> uploader(Farm.LAMBDATEST).upload(apk()));

    assertThat(e.getMessage()).contains("the answer has no app_url: {\"status\":\"queued\"}");
  }

  @Test
  void anUnreachableApiIsNamed() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    var uploader =
        new AppUploader(
            Farm.BROWSERSTACK,
            URI.create("http://127.0.0.1:" + closed),
            CREDENTIALS,
            Duration.ofSeconds(5));

    SessionStartException e =
        catchThrowableOfType(SessionStartException.class, () -> uploader.upload(apk()));

    assertThat(e.getMessage())
        .contains("POST http://127.0.0.1:" + closed + "/app-automate/upload")
        .contains("connection was refused");
  }

  private AppUploader uploader(Farm farm) {
    return new AppUploader(farm, URI.create(api.baseUrl()), CREDENTIALS, Duration.ofSeconds(10));
  }

  private Path apk() throws IOException {
    return Files.write(dir.resolve("authflow.apk"), APK);
  }
}
