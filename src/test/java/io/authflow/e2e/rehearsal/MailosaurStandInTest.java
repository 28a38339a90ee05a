package io.authflow.e2e.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.mailosaur.MailosaurClient;
import com.mailosaur.MailosaurException;
import com.mailosaur.models.Message;
import com.mailosaur.models.MessageSearchParams;
import com.mailosaur.models.MessageSummary;
import com.mailosaur.models.SearchCriteria;
import com.mailosaur.models.SearchMatchOperator;
import io.authflow.e2e.inbox.CodeExtractor;
import io.authflow.e2e.inbox.CodeNotReceivedException;
import io.authflow.e2e.inbox.InboxUnavailableException;
import io.authflow.e2e.inbox.MailosaurInbox;
import io.authflow.e2e.inbox.OneTimeCode;
import io.authflow.e2e.local.LocalCognito;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * Mailosaur's own Java client against the stand-in, fed by the Cognito stand-in's SMTP delivery:
 * what the rehearsal's inbox does is what the client does against Mailosaur (search, get, delete,
 * servers, basic authentication, extracted codes, SMS by phone number).
 */
class MailosaurStandInTest {
  private static final String SERVER = "rhrs1234";
  private static final String KEY = "rehearsal-key-5c1e";
  private static final String PASSWORD = "Corr3ct-Horse!";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @TempDir static Path dir;
  private static LocalCognito cognito;
  private static CognitoIdentityProviderClient cognitoClient;
  private static MailosaurStandIn mailosaur;
  private static MailosaurClient client;
  private static MailosaurInbox inbox;

  @BeforeAll
  static void start() {
    cognito = LocalCognito.start(dir);
    cognitoClient = cognito.sdkClient();
    mailosaur = new MailosaurStandIn(cognito.greenMail(), SERVER, KEY, dir.resolve("logs"));
    mailosaur.start();
    client = new MailosaurClient(KEY, mailosaur.url());
    inbox = new MailosaurInbox(KEY, mailosaur.url(), SERVER, new CodeExtractor("NO-(\\d{9})"));
  }

  @AfterAll
  static void stop() {
    if (mailosaur != null) {
      mailosaur.close();
    }
    if (cognitoClient != null) {
      cognitoClient.close();
    }
    if (cognito != null) {
      cognito.close();
    }
  }

  @Test
  void theCodeOfASignUpEmailIsTheOneMailosaurWouldExtractAndConfirmsTheAccount() {
    String email = newEmail();
    Instant since = Instant.now();
    signUp(email, null);

    // The pattern given to the inbox matches nothing: the code is the stand-in's extraction.
    OneTimeCode code = inbox.awaitCode(email, since, WAIT);

    assertThat(code.code()).matches("\\d{6}");
    assertThat(code.message().to()).isEqualTo(email);
    assertThat(code.message().subject()).isEqualTo("Your verification code");
    cognitoClient.confirmSignUp(
        r -> r.clientId(cognito.appClientId()).username(email).confirmationCode(code.code()));
    assertThat(
            cognitoClient
                .adminGetUser(r -> r.userPoolId(cognito.userPoolId()).username(email))
                .userStatus())
        .isEqualTo(UserStatusType.CONFIRMED);
  }

  @Test
  void anSmsIsAnSmsMessageFoundByThePhoneNumberWithItsCodeInTheText() throws Exception {
    String phone = "+1555013" + String.format("%04d", SEQUENCE.incrementAndGet());
    Instant since = Instant.now();
    signUp(newEmail(), phone);

    OneTimeCode code = inbox.awaitCode(phone, since, WAIT);
    Message sms =
        client
            .messages()
            .get(
                new MessageSearchParams().withServer(SERVER).withTimeout(5000),
                new SearchCriteria().withSentTo(phone));

    assertThat(sms.type()).isEqualTo("SMS");
    assertThat(sms.to()).singleElement().satisfies(a -> assertThat(a.phone()).isEqualTo(phone));
    assertThat(sms.html()).isNull();
    assertThat(sms.text().codes()).extracting(c -> c.value()).containsExactly(code.code());
    assertThat(sms.server()).isEqualTo(SERVER);
  }

  @Test
  void searchKeepsToTheRecipientTheTimeAndTheCriteriaNewestFirst() throws Exception {
    String email = newEmail();
    send(email, "First", "Old news 111111");
    Instant between = Instant.now();
    send(email, "Second", "Your code is 222222");
    send(email, "Third", "Your code is 333333");
    send(newEmail(), "Other recipient", "Your code is 444444");

    var after =
        client
            .messages()
            .search(
                new MessageSearchParams()
                    .withServer(SERVER)
                    .withReceivedAfter(between.toEpochMilli()),
                new SearchCriteria().withSentTo(email))
            .items();
    var allOf =
        client
            .messages()
            .search(
                new MessageSearchParams().withServer(SERVER),
                new SearchCriteria()
                    .withSentTo(email)
                    .withSubject("Third")
                    .withMatch(SearchMatchOperator.ALL))
            .items();
    var anyOf =
        client
            .messages()
            .search(
                new MessageSearchParams().withServer(SERVER),
                new SearchCriteria()
                    .withSubject("Third")
                    .withBody("old news")
                    .withMatch(SearchMatchOperator.ANY))
            .items();
    var secondPage =
        client
            .messages()
            .search(
                new MessageSearchParams().withServer(SERVER).withPage(1).withItemsPerPage(2),
                new SearchCriteria().withSentTo(email))
            .items();

    assertThat(after).extracting(MessageSummary::subject).containsExactly("Third", "Second");
    assertThat(allOf).extracting(MessageSummary::subject).containsExactly("Third");
    assertThat(anyOf).extracting(MessageSummary::subject).contains("Third", "First");
    assertThat(secondPage).extracting(MessageSummary::subject).containsExactly("First");
    Message third = client.messages().getById(after.get(0).id());
    assertThat(third.text().codes()).extracting(c -> c.value()).containsExactly("333333");
    assertThat(third.html().body()).isNull();
  }

  @Test
  void clearDeletesTheRecipientsMessagesAndAGetOfADeletedOneIs404() throws Exception {
    String email = newEmail();
    send(email, "Code", "Your code is 555555");
    String id =
        client
            .messages()
            .search(new MessageSearchParams().withServer(SERVER), criteria(email))
            .items()
            .get(0)
            .id();

    inbox.clear(email);

    assertThat(
            client
                .messages()
                .search(new MessageSearchParams().withServer(SERVER), criteria(email))
                .items())
        .isEmpty();
    var e = catchThrowableOfType(MailosaurException.class, () -> client.messages().getById(id));
    assertThat(e.httpStatusCode()).isEqualTo(404);
  }

  @Test
  void aCodeThatNeverComesEndsInTheTimeoutWithWhatWasSeen() {
    String email = newEmail();
    long start = System.nanoTime();

    var e =
        catchThrowableOfType(
            CodeNotReceivedException.class,
            () -> inbox.awaitCode(email, Instant.now(), Duration.ofSeconds(1)));

    assertThat(e.getMessage()).contains("No message to " + email, "no message to " + email);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aWrongKeyIsRefusedWith401AndTheServerIsListedForTheRightOne() throws Exception {
    var wrong =
        new MailosaurInbox("not-the-key", mailosaur.url(), SERVER, new CodeExtractor("(x)"));

    var e =
        catchThrowableOfType(
            InboxUnavailableException.class,
            () -> wrong.awaitCode(newEmail(), Instant.now(), WAIT));

    assertThat(e.getMessage()).startsWith("Mailosaur refused the API key");
    assertThat(client.servers().get(SERVER).id()).isEqualTo(SERVER);
    assertThat(client.servers().list().items()).extracting(s -> s.id()).containsExactly(SERVER);
  }

  private static void signUp(String email, String phone) {
    cognitoClient.signUp(
        r ->
            r.clientId(cognito.appClientId())
                .username(email)
                .password(PASSWORD)
                .userAttributes(
                    phone == null
                        ? new AttributeType[] {attribute("email", email)}
                        : new AttributeType[] {
                          attribute("email", email), attribute("phone_number", phone)
                        }));
  }

  private static AttributeType attribute(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }

  private static SearchCriteria criteria(String email) {
    return new SearchCriteria().withSentTo(email);
  }

  private static void send(String to, String subject, String body) {
    var smtp = cognito.greenMail().getSmtp().getServerSetup();
    GreenMailUtil.sendTextEmail(
        to,
        "no-reply@verificationemail.com",
        subject,
        body,
        new ServerSetup(smtp.getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  private static String newEmail() {
    return "authflow-rehearsal-" + SEQUENCE.incrementAndGet() + "@" + SERVER + ".mailosaur.net";
  }
}
