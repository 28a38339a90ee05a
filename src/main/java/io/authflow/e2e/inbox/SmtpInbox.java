package io.authflow.e2e.inbox;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Flags;
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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The local stack's inbox: GreenMail inside this JVM receives what the Cognito stand-in sends by
 * SMTP. SMS arrive as mail to {@code <E.164 digits>@sms.local}, so one inbox serves both channels.
 */
public final class SmtpInbox implements Inbox {
  static final String SMS_DOMAIN = "sms.local";

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

  /**
   * Waits for the code without polling: a listener on the recipient's mailbox wakes the wait the
   * moment a message is delivered there, and the wait then reads what arrived.
   */
  @Override
  public OneTimeCode awaitCode(String recipient, Instant since, Duration timeout) {
    String address = addressOf(recipient);
    MailFolder mailbox = mailboxOf(address);
    Semaphore delivered = new Semaphore(0);
    FolderListener listener = new Delivered(delivered);
    // Listening before the first look: a message that lands in between still wakes the wait.
    mailbox.addListener(listener);
    try {
      Instant deadline = Instant.now().plus(timeout);
      List<InboxMessage> seen;
      while (true) {
        seen = messagesTo(address, since);
        Optional<OneTimeCode> code =
            seen.stream()
                .flatMap(m -> extractor.extract(m.body()).map(c -> new OneTimeCode(c, m)).stream())
                .findFirst();
        if (code.isPresent()) {
          return code.get();
        }
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0 || !delivered.tryAcquire(left, TimeUnit.MILLISECONDS)) {
          break;
        }
      }
      throw notReceived(recipient, address, since, timeout, messagesTo(address, since));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CodeNotReceivedException(
          "Interrupted while waiting for a one-time code for " + recipient);
    } finally {
      mailbox.removeListener(listener);
    }
  }

  private CodeNotReceivedException notReceived(
      String recipient, String address, Instant since, Duration timeout, List<InboxMessage> seen) {
    return new CodeNotReceivedException(
        "No one-time code for "
            + recipient
            + " arrived in the local SMTP inbox (port "
            + greenMail.getSmtp().getPort()
            + ") within "
            + timeout.toSeconds()
            + "s after "
            + since
            + "; saw "
            + (seen.isEmpty()
                ? "no message to " + address
                : seen.size()
                    + " message(s) to "
                    + address
                    + " with no match for the code pattern "
                    + extractor
                    + ", e.g. subject '"
                    + seen.get(0).subject()
                    + "'")
            + ". Is the Cognito stand-in's log under reports/local-stack/ showing the delivery?");
  }

  /** The recipient's mailbox, made now if nothing was delivered to it yet, so it can be watched. */
  private MailFolder mailboxOf(String address) {
    UserManager users = greenMail.getUserManager();
    try {
      GreenMailUser user = users.getUserByEmail(address);
      if (user == null) {
        try {
          user = users.createUser(address, address, address);
        } catch (UserException madeMeanwhile) {
          // A delivery created it between the two calls.
          user = users.getUserByEmail(address);
        }
      }
      return greenMail.getManagers().getImapHostManager().getInbox(user);
    } catch (FolderException e) {
      throw new IllegalStateException("The local inbox has no mailbox for " + address, e);
    }
  }

  /** Releases a permit for every message delivered to the watched mailbox. */
  private record Delivered(Semaphore delivered) implements FolderListener {
    @Override
    public void added(int msn) {
      delivered.release();
    }

    @Override
    public void expunged(int msn) {}

    @Override
    public void flagsUpdated(int msn, Flags flags, Long uid) {}

    @Override
    public void mailboxDeleted() {}
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
