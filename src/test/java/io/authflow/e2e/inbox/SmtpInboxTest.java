package io.authflow.e2e.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local stack's inbox against a real GreenMail on a loopback port, fed by real SMTP. */
class SmtpInboxTest {
  private static final String FROM = "no-reply@verificationemail.com";
  private static final Duration WAIT = Duration.ofSeconds(5);
  // Short, but a whole second: the failure message reports the wait in seconds.
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private GreenMail greenMail;
  private ServerSetup smtp;
  private SmtpInbox inbox;

  @BeforeEach
  void startGreenMail() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      smtp = new ServerSetup(probe.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    }
    greenMail = new GreenMail(smtp);
    greenMail.start();
    inbox = new SmtpInbox(greenMail, new CodeExtractor("\\b(\\d{6})\\b"));
  }

  @AfterEach
  void stopGreenMail() {
    greenMail.stop();
  }

  @Test
  void findsTheCodeMailedToAnEmailRecipient() {
    Instant since = beforeSending();
    send(
        "authflow-1@authflow.test", "Your verification code", "Your verification code is 123456. ");

    OneTimeCode code = inbox.awaitCode("authflow-1@authflow.test", since, WAIT);

    assertThat(code.code()).isEqualTo("123456");
    assertThat(code.message().to()).isEqualTo("authflow-1@authflow.test");
    assertThat(code.message().from()).isEqualTo(FROM);
    assertThat(code.message().subject()).isEqualTo("Your verification code");
    assertThat(code.message().body()).isEqualTo("Your verification code is 123456.");
    assertThat(code.message().received()).isAfterOrEqualTo(since);
  }

  @Test
  void aCodeThatArrivesWhileTheStepWaitsWakesItWithoutWaitingOut() throws Exception {
    Instant since = beforeSending();
    Duration longWait = Duration.ofSeconds(60);
    var waiting =
        CompletableFuture.supplyAsync(
            () -> inbox.awaitCode("authflow-9@authflow.test", since, longWait));
    send("authflow-0@authflow.test", "Code", "Your verification code is 000000. ");
    send("authflow-9@authflow.test", "Code", "Your verification code is 999999. ");

    assertThat(waiting.get(longWait.toSeconds(), TimeUnit.SECONDS).code()).isEqualTo("999999");
    assertThat(Duration.between(since, Instant.now()))
        .as("handed over when it arrived, far from the 60 s bound")
        .isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void matchesTheRecipientInAnyCase() {
    Instant since = beforeSending();
    send("authflow-2@authflow.test", "Code", "Your verification code is 222222. ");

    assertThat(inbox.awaitCode("AuthFlow-2@AUTHFLOW.test", since, WAIT).code()).isEqualTo("222222");
  }

  @Test
  void mapsAnSmsRecipientToItsMailAddress() {
    assertThat(SmtpInbox.addressOf("+15550001234")).isEqualTo("15550001234@sms.local");
    Instant since = beforeSending();
    send("15550001234@sms.local", "SMS", "Your verification code is 654321. ");

    OneTimeCode code = inbox.awaitCode("+15550001234", since, WAIT);

    assertThat(code.code()).isEqualTo("654321");
    assertThat(code.message().to()).isEqualTo("15550001234@sms.local");
  }

  @Test
  void ignoresMessagesToOtherRecipients() {
    Instant since = beforeSending();
    send("authflow-other@authflow.test", "Code", "Your verification code is 999999. ");
    send("authflow-3@authflow.test", "Code", "Your verification code is 333333. ");

    assertThat(inbox.awaitCode("authflow-3@authflow.test", since, WAIT).code()).isEqualTo("333333");
  }

  @Test
  void countsOnlyMessagesReceivedSinceTheGivenInstant() {
    send("authflow-4@authflow.test", "Code", "Your verification code is 111111. ");
    Instant since = receivedOfOnlyMessage().plusMillis(1);
    send("authflow-4@authflow.test", "Code", "Your verification code is 444444. ");

    assertThat(inbox.awaitCode("authflow-4@authflow.test", since, WAIT).code()).isEqualTo("444444");
  }

  @Test
  void namesRecipientPortAndWaitWhenNothingArrived() {
    Instant since = beforeSending();
    send("authflow-other@authflow.test", "Code", "Your verification code is 999999. ");

    CodeNotReceivedException e =
        catchThrowableOfType(
            CodeNotReceivedException.class,
            () -> inbox.awaitCode("authflow-6@authflow.test", since, TIMEOUT));

    assertThat(e.getMessage())
        .contains("authflow-6@authflow.test")
        .contains("port " + smtp.getPort())
        .contains("within 1s")
        .contains("saw no message to authflow-6@authflow.test");
  }

  @Test
  void saysWhatWasSeenWhenMessagesHadNoCode() {
    Instant since = beforeSending();
    send("authflow-7@authflow.test", "Welcome aboard", "Thanks for signing up.");

    CodeNotReceivedException e =
        catchThrowableOfType(
            CodeNotReceivedException.class,
            () -> inbox.awaitCode("authflow-7@authflow.test", since, TIMEOUT));

    assertThat(e.getMessage())
        .contains("authflow-7@authflow.test")
        .contains("port " + smtp.getPort())
        .contains("within 1s")
        .contains("1 message(s) to authflow-7@authflow.test with no match")
        .contains("\\b(\\d{6})\\b")
        .contains("subject 'Welcome aboard'");
  }

  @Test
  void clearRemovesOnlyThatRecipientsMessages() throws MessagingException {
    Instant since = beforeSending();
    send("authflow-8@authflow.test", "Code", "Your verification code is 888888. ");
    send("15550009999@sms.local", "SMS", "Your verification code is 777777. ");
    send("authflow-keep@authflow.test", "Code", "Your verification code is 121212. ");

    inbox.clear("authflow-8@authflow.test");
    inbox.clear("+15550009999");

    assertThat(
            catchThrowableOfType(
                CodeNotReceivedException.class,
                () -> inbox.awaitCode("authflow-8@authflow.test", since, TIMEOUT)))
        .hasMessageContaining("saw no message");
    assertThat(recipients()).containsExactly("authflow-keep@authflow.test");
  }

  /**
   * GreenMail stamps a message to the millisecond, and a send over loopback can take less than one:
   * a {@code since} with finer resolution could exclude the message it was taken for.
   */
  private static Instant beforeSending() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  private void send(String to, String subject, String body) {
    GreenMailUtil.sendTextEmail(to, FROM, subject, body, smtp);
  }

  private Instant receivedOfOnlyMessage() {
    var messages = greenMail.getManagers().getImapHostManager().getAllMessages();
    assertThat(messages).hasSize(1);
    return messages.get(0).getReceivedDate().toInstant();
  }

  private List<String> recipients() throws MessagingException {
    List<String> recipients = new ArrayList<>();
    for (var message : greenMail.getManagers().getImapHostManager().getAllMessages()) {
      recipients.add(GreenMailUtil.getAddressList(message.getMimeMessage().getAllRecipients()));
    }
    return recipients;
  }
}
