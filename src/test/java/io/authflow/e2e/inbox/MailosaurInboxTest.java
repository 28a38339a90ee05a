package io.authflow.e2e.inbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Mailosaur inbox against WireMock standing in for Mailosaur's API, with answers written from
 * Mailosaur's documented JSON (src/test/resources/mailosaur). The official client talks to it as it
 * would to Mailosaur: POST api/messages/search (polled), GET api/messages/{id}, DELETE.
 */
class MailosaurInboxTest {
  private static final String KEY = "mls-test-key-7f3a9c2e51";
  private static final String SERVER = "abcd1234";
  private static final String EMAIL = "authflow-run1-1@abcd1234.mailosaur.net";
  private static final String PHONE = "+15555550100";
  private static final String MESSAGE_ID = "8f3c2a10-5b7e-4c1d-9a2f-0e6b7d4c1a01";
  private static final String SMS_ID = "c41b7e2a-0f9d-4a3b-b8e6-5d2c1f0a9e02";
  private static final String SEARCH = "/api/messages/search";

  @RegisterExtension
  static WireMockExtension mailosaur =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final Instant since = Instant.parse("2026-11-26T10:15:30Z");
  private MailosaurInbox inbox;

  @BeforeEach
  void inbox() {
    inbox = inboxWithPattern("\\b(\\d{6})\\b");
  }

  @Test
  void aCodeMailosaurExtractedIsTakenFromTheFirstMessageReceivedAfterTheStepStarted() {
    // A pattern that matches nothing proves the code is Mailosaur's own extraction.
    inbox = inboxWithPattern("NOTHING-(\\d{9})");
    mailosaur.stubFor(search(EMAIL).willReturn(json("search-one-email.json")));
    mailosaur.stubFor(get("/api/messages/" + MESSAGE_ID).willReturn(json("message-email.json")));

    OneTimeCode code = inbox.awaitCode(EMAIL, since, Duration.ofSeconds(5));

    assertThat(code.code()).isEqualTo("482913");
    assertThat(code.message().to()).isEqualTo(EMAIL);
    assertThat(code.message().from()).isEqualTo("no-reply@verificationemail.com");
    assertThat(code.message().subject()).isEqualTo("Your verification code");
    assertThat(code.message().body()).isEqualTo("Your verification code is 482913.");
    assertThat(code.message().received()).isEqualTo(Instant.parse("2026-11-26T10:15:31Z"));
    mailosaur.verify(
        postRequestedFor(urlPathEqualTo(SEARCH))
            .withQueryParam("server", equalTo(SERVER))
            .withQueryParam("receivedAfter", equalTo(String.valueOf(since.toEpochMilli())))
            .withBasicAuth(new BasicCredentials(KEY, ""))
            .withRequestBody(equalToJson("{\"sentTo\": \"" + EMAIL + "\"}")));
  }

  @Test
  void theConfiguredPatternFindsTheCodeWhenMailosaurExtractedNone() {
    mailosaur.stubFor(search(EMAIL).willReturn(json("search-one-email.json")));
    mailosaur.stubFor(
        get("/api/messages/" + MESSAGE_ID).willReturn(json("message-email-no-codes.json")));

    assertThat(inbox.awaitCode(EMAIL, since, Duration.ofSeconds(5)).code()).isEqualTo("654321");
  }

  @Test
  void aMessageWithNoCodeAtAllSaysWhatItHolds() {
    inbox = inboxWithPattern("NOTHING-(\\d{9})");
    mailosaur.stubFor(search(EMAIL).willReturn(json("search-one-email.json")));
    mailosaur.stubFor(
        get("/api/messages/" + MESSAGE_ID).willReturn(json("message-email-no-codes.json")));

    var e =
        catchThrowableOfType(
            CodeNotReceivedException.class,
            () -> inbox.awaitCode(EMAIL, since, Duration.ofSeconds(5)));

    assertThat(e.getMessage())
        .contains(EMAIL, "Mailosaur server " + SERVER, "holds no code", "NOTHING-(\\d{9})")
        .contains("Code: 55-66-77, or use 654321 to verify.");
  }

  @Test
  void anSmsIsFoundByThePhoneNumberItWasSentTo() {
    mailosaur.stubFor(
        search(PHONE)
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"items\": [{\"id\": \"" + SMS_ID + "\", \"type\": \"SMS\"}]}")));
    mailosaur.stubFor(get("/api/messages/" + SMS_ID).willReturn(json("message-sms.json")));

    OneTimeCode code = inbox.awaitCode(PHONE, since, Duration.ofSeconds(5));

    assertThat(code.code()).isEqualTo("305817");
    assertThat(code.message().to()).isEqualTo(PHONE);
    assertThat(code.message().from()).isEqualTo("+12065550142");
    assertThat(code.message().subject()).isEmpty();
  }

  @Test
  void noMatchBeforeTheTimeoutNamesRecipientInboxWaitedTimeAndWhatWasSeen() {
    // Mailosaur tells the client how long to wait between polls (x-ms-delay).
    mailosaur.stubFor(
        search(EMAIL)
            .withQueryParam("receivedAfter", equalTo(String.valueOf(since.toEpochMilli())))
            .willReturn(json("search-none.json").withHeader("x-ms-delay", "100")));
    mailosaur.stubFor(
        search(EMAIL)
            .withQueryParam("receivedAfter", absent())
            .willReturn(json("search-earlier.json")));

    long start = System.nanoTime();
    var e =
        catchThrowableOfType(
            CodeNotReceivedException.class,
            () -> inbox.awaitCode(EMAIL, since, Duration.ofSeconds(1)));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(e.getMessage())
        .contains("No message to " + EMAIL)
        .contains("Mailosaur server " + SERVER)
        .contains("within 1s after " + since)
        .contains(
            "1 earlier message(s) to " + EMAIL + ", the latest received 2026-11-26T09:00:00Z");
    assertThat(took).isLessThan(Duration.ofSeconds(3));
    assertThat(
            mailosaur.findAll(
                postRequestedFor(urlPathEqualTo(SEARCH))
                    .withQueryParam(
                        "receivedAfter", equalTo(String.valueOf(since.toEpochMilli())))))
        .as("polled until the timeout, not once")
        .hasSizeGreaterThan(2);
  }

  @Test
  void aRefusedKeyGivesAClearErrorAboutTheKey() {
    mailosaur.stubFor(post(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(401)));

    var e =
        catchThrowableOfType(
            InboxUnavailableException.class,
            () -> inbox.awaitCode(EMAIL, since, Duration.ofSeconds(5)));

    assertThat(e.getMessage())
        .startsWith("Mailosaur refused the API key in MAILOSAUR_API_KEY (401)")
        .contains("Create a key in the Mailosaur dashboard")
        .doesNotContain(KEY);
    assertThat(mailosaur.findAll(postRequestedFor(urlPathEqualTo(SEARCH)))).hasSize(1);
  }

  @Test
  void serverErrorsAreRetriedABoundedNumberOfTimesThenReported() {
    mailosaur.stubFor(post(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(503)));

    var e =
        catchThrowableOfType(
            InboxUnavailableException.class,
            () -> inbox.awaitCode(EMAIL, since, Duration.ofSeconds(5)));

    assertThat(e.getMessage())
        .contains("Mailosaur failed to answer the search for messages to " + EMAIL)
        .contains("Mailosaur server " + SERVER)
        .contains("HTTP 503", MailosaurInbox.ATTEMPTS + " attempts");
    assertThat(mailosaur.findAll(postRequestedFor(urlPathEqualTo(SEARCH))))
        .hasSize(MailosaurInbox.ATTEMPTS);
  }

  @Test
  void aServerErrorFollowedByAnAnswerStillGivesTheCode() {
    mailosaur.stubFor(
        search(EMAIL)
            .inScenario("outage")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500))
            .willSetStateTo("recovered"));
    mailosaur.stubFor(
        search(EMAIL)
            .inScenario("outage")
            .whenScenarioStateIs("recovered")
            .willReturn(json("search-one-email.json")));
    mailosaur.stubFor(get("/api/messages/" + MESSAGE_ID).willReturn(json("message-email.json")));

    assertThat(inbox.awaitCode(EMAIL, since, Duration.ofSeconds(5)).code()).isEqualTo("482913");
    assertThat(mailosaur.findAll(postRequestedFor(urlPathEqualTo(SEARCH)))).hasSize(2);
  }

  @Test
  void clearDeletesEveryMessageSentToTheEmailAddress() {
    mailosaur.stubFor(search(EMAIL).willReturn(json("search-two-emails.json")));
    mailosaur.stubFor(
        delete(urlPathMatching("/api/messages/msg-.*")).willReturn(aResponse().withStatus(204)));

    inbox.clear(EMAIL);

    mailosaur.verify(deleteRequestedFor(urlPathEqualTo("/api/messages/msg-first")));
    mailosaur.verify(deleteRequestedFor(urlPathEqualTo("/api/messages/msg-second")));
    assertThat(mailosaur.findAll(deleteRequestedFor(urlPathMatching("/api/messages.*"))))
        .hasSize(2);
  }

  @Test
  void clearOfAPhoneNumberDeletesOnlyTheSmsThisInboxRead() {
    // Scenarios share the server's phone numbers: another scenario's SMS must stay.
    mailosaur.stubFor(
        search(PHONE)
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"items\": [{\"id\": \"" + SMS_ID + "\", \"type\": \"SMS\"}]}")));
    mailosaur.stubFor(get("/api/messages/" + SMS_ID).willReturn(json("message-sms.json")));
    mailosaur.stubFor(
        delete(urlPathMatching("/api/messages/.*")).willReturn(aResponse().withStatus(204)));
    inbox.awaitCode(PHONE, since, Duration.ofSeconds(5));
    int searchesBefore = mailosaur.findAll(postRequestedFor(urlPathEqualTo(SEARCH))).size();

    inbox.clear(PHONE);

    assertThat(mailosaur.findAll(deleteRequestedFor(urlPathMatching("/api/messages.*"))))
        .singleElement()
        .satisfies(r -> assertThat(r.getUrl()).isEqualTo("/api/messages/" + SMS_ID));
    assertThat(mailosaur.findAll(postRequestedFor(urlPathEqualTo(SEARCH)))).hasSize(searchesBefore);
  }

  @Test
  void aFailedClearDoesNotFailTheScenario() {
    mailosaur.stubFor(post(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(500)));

    assertThatCode(() -> inbox.clear(EMAIL)).doesNotThrowAnyException();
  }

  @Test
  void theApiKeyNeverAppearsInAnyExceptionMessage() {
    List<Throwable> failures = new ArrayList<>();
    for (int status : new int[] {400, 401, 403, 404, 500, 503}) {
      mailosaur.resetAll();
      mailosaur.stubFor(
          post(urlPathEqualTo(SEARCH))
              .willReturn(aResponse().withStatus(status).withBody("{\"type\": \"error\"}")));
      failures.add(catchThrowable(() -> inbox.awaitCode(EMAIL, since, Duration.ofSeconds(2))));
    }
    mailosaur.resetAll();
    mailosaur.stubFor(
        post(urlPathEqualTo(SEARCH))
            .willReturn(json("search-none.json").withHeader("x-ms-delay", "100")));
    failures.add(catchThrowable(() -> inbox.awaitCode(EMAIL, since, Duration.ofMillis(300))));

    assertThat(failures).doesNotContainNull();
    for (Throwable failure : failures) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        assertThat(t.getMessage()).doesNotContain(KEY);
        assertThat(t.toString()).doesNotContain(KEY);
      }
    }
  }

  private MailosaurInbox inboxWithPattern(String pattern) {
    return new MailosaurInbox(KEY, mailosaur.baseUrl() + "/", SERVER, new CodeExtractor(pattern));
  }

  private static MappingBuilder search(String recipient) {
    return post(urlPathEqualTo(SEARCH))
        .withQueryParam("server", equalTo(SERVER))
        .withRequestBody(equalToJson("{\"sentTo\": \"" + recipient + "\"}"));
  }

  private static ResponseDefinitionBuilder json(String resource) {
    try (var in = MailosaurInboxTest.class.getResourceAsStream("/mailosaur/" + resource)) {
      return aResponse()
          .withHeader("Content-Type", "application/json")
          .withBody(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
