package io.authflow.e2e.inbox;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The local stack's inbox: GreenMail inside this JVM receives what the Cognito stand-in sends by
 * SMTP. SMS arrive as mail to {@code <E.164 digits>@sms.local}, so one inbox serves both channels.
 */
public final class SmtpInbox implements Inbox {
  static final String SMS_DOMAIN = "sms.local";
  private static final Duration POLL = Duration.ofMillis(100);

  private final GreenMail greenMail;
  private final CodeExtractor extractor;

  public SmtpInbox(GreenMail greenMail, CodeExtractor extractor) {
    this.greenMail = greenMail;
    this.extractor = extractor;
  }

  /** The mail address an SMS to {@code phone} (E.164, e.g. +15550001234) is delivered to. */
  public static String addressOf(String recipient) {
    return recipient.startsWith("+")
        ? recipient.substring(1) + "@" + SMS_DOMAIN
        : recipient.toLowerCase(Locale.ROOT);
  }

  @Override
  public OneTimeCode awaitCode(String recipient, Instant since, Duration timeout) {
    String address = addressOf(recipient);
    AtomicReference<List<InboxMessage>> seen = new AtomicReference<>(List.of());
    try {
      return Awaitility.await()
          .atMost(timeout)
          .pollInterval(POLL)
          .until(
              () -> {
                List<InboxMessage> messages = messagesTo(address, since);
                seen.set(messages);
                return messages.stream()
                    .flatMap(
                        m -> extractor.extract(m.body()).map(c -> new OneTimeCode(c, m)).stream())
                    .findFirst();
              },
              Optional::isPresent)
          .orElseThrow();
    } catch (ConditionTimeoutException e) {
      throw new CodeNotReceivedException(
          "No one-time code for "
              + recipient
              + " arrived in the local SMTP inbox (port "
              + greenMail.getSmtp().getPort()
              + ") within "
              + timeout.toSeconds()
              + "s after "
              + since
              + "; saw "
              + (seen.get().isEmpty()
                  ? "no message to " + address
                  : seen.get().size()
                      + " message(s) to "
                      + address
                      + " with no match for the code pattern "
                      + extractor
                      + ", e.g. subject '"
                      + seen.get().get(0).subject()
                      + "'")
              + ". Is the Cognito stand-in's log under reports/local-stack/ showing the delivery?");
    }
  }

  @Override
  public void clear(String recipient) {
    String address = addressOf(recipient);
    greenMail.getUserManager().listUser().stream()
        .filter(u -> u.getEmail().equalsIgnoreCase(address))
        .forEach(u -> greenMail.getUserManager().deleteUser(u));
  }

  private List<InboxMessage> messagesTo(String address, Instant since) {
    return greenMail.getManagers().getImapHostManager().getAllMessages().stream()
        .filter(m -> !m.getReceivedDate().toInstant().isBefore(since))
        .filter(m -> isTo(m.getMimeMessage(), address))
        .map(SmtpInbox::toInboxMessage)
        .toList();
  }

  private static boolean isTo(MimeMessage message, String address) {
    try {
      var to = message.getRecipients(RecipientType.TO);
      return to != null
          && Arrays.stream(to)
              .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
    } catch (MessagingException e) {
      return false;
    }
  }

  private static InboxMessage toInboxMessage(StoredMessage stored) {
    MimeMessage message = stored.getMimeMessage();
    try {
      return new InboxMessage(
          InternetAddress.toString(message.getRecipients(RecipientType.TO)),
          InternetAddress.toString(message.getFrom()),
          message.getSubject(),
          bodyOf(message),
          stored.getReceivedDate().toInstant());
    } catch (MessagingException e) {
      throw new IllegalStateException("The local inbox holds a message it cannot read", e);
    }
  }

  /** The decoded text of a plain message; the raw body of anything else. */
  private static String bodyOf(MimeMessage message) throws MessagingException {
    try {
      return message.getContent() instanceof String text
          ? text.trim()
          : GreenMailUtil.getBody(message);
    } catch (java.io.IOException e) {
      return GreenMailUtil.getBody(message);
    }
  }
}
