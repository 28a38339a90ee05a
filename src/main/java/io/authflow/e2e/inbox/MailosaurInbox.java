package io.authflow.e2e.inbox;

import com.mailosaur.MailosaurClient;
import com.mailosaur.MailosaurException;
import com.mailosaur.models.Code;
import com.mailosaur.models.Message;
import com.mailosaur.models.MessageAddress;
import com.mailosaur.models.MessageContent;
import com.mailosaur.models.MessageSearchParams;
import com.mailosaur.models.MessageSummary;
import com.mailosaur.models.SearchCriteria;
import io.authflow.e2e.config.ConfigException;
import io.authflow.e2e.config.HarnessConfig;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Mailosaur server as the inbox, through Mailosaur's own client: emails to {@code
 * …@<server>.mailosaur.net} and SMS to the server's phone numbers. The client waits for a match
 * itself, polling at the pace Mailosaur's answers ask for, within the step's timeout.
 */
public final class MailosaurInbox implements Inbox {
  public static final String API_KEY_VARIABLE = "MAILOSAUR_API_KEY";
  // 5xx answers are retried at once (the client retries only broken connections), this many
  // times in all and never past the step's timeout.
  static final int ATTEMPTS = 3;
  private static final Logger LOG = LoggerFactory.getLogger(MailosaurInbox.class);

  private final MailosaurClient client;
  private final String serverId;
  private final CodeExtractor extractor;
  // SMS numbers are shared by scenarios, so only the messages this inbox handed out are deleted.
  private final Map<String, List<String>> readSms = new ConcurrentHashMap<>();

  /**
   * @param baseUrl where the API is; null for Mailosaur's own (tests give a stand-in's)
   */
  public MailosaurInbox(String apiKey, String baseUrl, String serverId, CodeExtractor extractor) {
    this.client = new MailosaurClient(apiKey, baseUrl);
    this.serverId = serverId;
    this.extractor = extractor;
  }

  /**
   * The inbox the config names, with the API key from {@code MAILOSAUR_API_KEY}.
   *
   * @throws ConfigException listing every missing or inconsistent setting, each with its fix
   */
  public static MailosaurInbox fromEnvironment(HarnessConfig config, Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    String apiKey = env.getOrDefault(API_KEY_VARIABLE, "").trim();
    if (apiKey.isEmpty()) {
      problems.add(
          API_KEY_VARIABLE
              + " is not set, and inbox.type is mailosaur ("
              + config.file()
              + "). Create an API key in the Mailosaur dashboard (Account > API access), then"
              + " `export "
              + API_KEY_VARIABLE
              + "=<key>` (in CI, a secret variable of that name); the key is never read from a"
              + " file.");
    }
    String serverId = config.inbox().serverId();
    if (serverId.length() != 8) {
      problems.add(
          config.file()
              + ": inbox.serverId is '"
              + serverId
              + "'; set it to the Mailosaur server id (8 characters, shown in the dashboard) in"
              + " the file, with -Dauthflow.inbox.serverId=…, or with AUTHFLOW_INBOX_SERVERID.");
    } else if (!config.users().emailDomain().equalsIgnoreCase(domainOf(serverId))) {
      problems.add(
          config.file()
              + ": users.emailDomain is '"
              + config.users().emailDomain()
              + "', but mail reaches Mailosaur server "
              + serverId
              + " only at …@"
              + domainOf(serverId)
              + "; set users.emailDomain: "
              + domainOf(serverId)
              + ".");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new MailosaurInbox(
        apiKey,
        config.inbox().apiUrlOrNull(),
        serverId,
        new CodeExtractor(config.inbox().codePattern()));
  }

  /** The domain of the server's test addresses. */
  public static String domainOf(String serverId) {
    return serverId.toLowerCase(Locale.ROOT) + ".mailosaur.net";
  }

  @Override
  public OneTimeCode awaitCode(String recipient, Instant since, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    String lastFailure = "no attempt was made";
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      long remaining = Duration.between(Instant.now(), deadline).toMillis();
      if (remaining <= 0) {
        break;
      }
      try {
        Message message = client.messages().get(search(since, (int) remaining), sentTo(recipient));
        return codeIn(recipient, message);
      } catch (MailosaurException e) {
        if ("search_timeout".equals(e.errorType())) {
          throw notReceived(recipient, since, timeout);
        }
        if (!isServerError(e)) {
          throw failure("read the messages to " + recipient, e);
        }
        lastFailure = "HTTP " + e.httpStatusCode();
      } catch (IOException e) {
        throw new InboxUnavailableException(
            "Cannot read the message to " + recipient + " in " + where() + ": " + e.getMessage());
      }
    }
    throw new InboxUnavailableException(
        "Mailosaur failed to answer the search for messages to "
            + recipient
            + " in "
            + where()
            + " ("
            + lastFailure
            + ", "
            + ATTEMPTS
            + " attempts within "
            + timeout.toSeconds()
            + "s). Mailosaur may be having an outage; run again later.");
  }

  @Override
  public void clear(String recipient) {
    try {
      List<String> ids =
          isPhone(recipient)
              ? readSms.getOrDefault(recipient, List.of())
              : client.messages().search(serverId, sentTo(recipient)).items().stream()
                  .map(MessageSummary::id)
                  .toList();
      for (String id : ids) {
        client.messages().delete(id);
      }
      readSms.remove(recipient);
    } catch (MailosaurException | IOException e) {
      // Cleanup must not fail a scenario: Mailosaur's retention removes what is left.
      LOG.warn("Could not delete the messages to {} in {}: {}", recipient, where(), describe(e));
    }
  }

  private MessageSearchParams search(Instant since, int timeoutMillis) {
    return new MessageSearchParams()
        .withServer(serverId)
        .withReceivedAfter(since.toEpochMilli())
        .withTimeout(timeoutMillis);
  }

  private static SearchCriteria sentTo(String recipient) {
    return new SearchCriteria().withSentTo(recipient);
  }

  private OneTimeCode codeIn(String recipient, Message message) {
    InboxMessage received = toInboxMessage(message);
    if (isPhone(recipient)) {
      readSms.computeIfAbsent(recipient, r -> new ArrayList<>()).add(message.id());
    }
    return codesOf(message.text(), message.html())
        .findFirst()
        .or(() -> extractor.extract(received.body()))
        .map(code -> new OneTimeCode(code, received))
        .orElseThrow(
            () ->
                new CodeNotReceivedException(
                    "The message to "
                        + recipient
                        + " in "
                        + where()
                        + " (subject '"
                        + received.subject()
                        + "', received "
                        + received.received()
                        + ") holds no code: Mailosaur extracted none and the pattern "
                        + extractor
                        + " (inbox.codePattern) matches nothing in: "
                        + received.body()));
  }

  /** Mailosaur's own extracted codes, plain text first (an SMS has nothing else). */
  private static Stream<String> codesOf(MessageContent... contents) {
    return Stream.of(contents)
        .filter(c -> c != null && c.codes() != null)
        .flatMap(c -> c.codes().stream())
        .map(Code::value)
        .filter(v -> v != null && !v.isBlank());
  }

  private static InboxMessage toInboxMessage(Message message) {
    String body =
        Stream.of(message.text(), message.html())
            .filter(c -> c != null && c.body() != null)
            .map(MessageContent::body)
            .findFirst()
            .orElse("");
    return new InboxMessage(
        addresses(message.to()),
        addresses(message.from()),
        Optional.ofNullable(message.subject()).orElse(""),
        body.trim(),
        message.received() == null ? null : Instant.ofEpochMilli(message.received().getValue()));
  }

  private static String addresses(List<MessageAddress> addresses) {
    return addresses == null
        ? ""
        : addresses.stream()
            .map(a -> a.email() != null ? a.email() : Optional.ofNullable(a.phone()).orElse(""))
            .collect(Collectors.joining(", "));
  }

  /** What the wait saw: earlier messages to the recipient tell a late or missing one apart. */
  private CodeNotReceivedException notReceived(String recipient, Instant since, Duration timeout) {
    String seen;
    try {
      List<MessageSummary> earlier = client.messages().search(serverId, sentTo(recipient)).items();
      seen =
          earlier.isEmpty()
              ? "no message to " + recipient + " at all"
              : earlier.size()
                  + " earlier message(s) to "
                  + recipient
                  + ", the latest received "
                  + Instant.ofEpochMilli(earlier.get(0).received().getValue())
                  + ", before the step started";
    } catch (MailosaurException | IOException | RuntimeException e) {
      seen = "nothing (the search for earlier messages failed: " + describe(e) + ")";
    }
    return new CodeNotReceivedException(
        "No message to "
            + recipient
            + " arrived in "
            + where()
            + " within "
            + timeout.toSeconds()
            + "s after "
            + since
            + "; saw "
            + seen
            + ". Is the user pool sending "
            + (isPhone(recipient) ? "SMS (SNS sandbox, spending limit)" : "email")
            + " and is the app sending the code to this recipient?");
  }

  private RuntimeException failure(String action, MailosaurException e) {
    if (Integer.valueOf(401).equals(e.httpStatusCode())) {
      return new InboxUnavailableException(
          "Mailosaur refused the API key in "
              + API_KEY_VARIABLE
              + " (401) when asked to "
              + action
              + ". Create a key in the Mailosaur dashboard (Account > API access) for the account"
              + " that owns server "
              + serverId
              + ", and export it as "
              + API_KEY_VARIABLE
              + ".");
    }
    if (Integer.valueOf(404).equals(e.httpStatusCode())
        || Integer.valueOf(403).equals(e.httpStatusCode())) {
      return new InboxUnavailableException(
          "Mailosaur answered HTTP "
              + e.httpStatusCode()
              + " when asked to "
              + action
              + " in "
              + where()
              + ": check inbox.serverId and that the key in "
              + API_KEY_VARIABLE
              + " may read this server.");
    }
    return new InboxUnavailableException(
        "Cannot " + action + " in " + where() + ": " + describe(e) + ".");
  }

  private static boolean isServerError(MailosaurException e) {
    return e.httpStatusCode() != null && e.httpStatusCode() >= 500;
  }

  private static String describe(Exception e) {
    return e instanceof MailosaurException m && m.httpStatusCode() != null
        ? "HTTP " + m.httpStatusCode() + ", " + m.getMessage()
        : String.valueOf(e.getMessage());
  }

  private static boolean isPhone(String recipient) {
    return recipient.startsWith("+");
  }

  private String where() {
    return "Mailosaur server " + serverId;
  }
}
