package io.authflow.e2e.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.authflow.e2e.local.StackPart;
import io.authflow.e2e.parts.DaemonThreads;
import io.authflow.e2e.rehearsal.MailosaurMessages.Stored;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Mailosaur's REST API that the official Java client uses to read codes, served on a
 * loopback port over the local stack's SMTP inbox: one server (inbox) with one API key, its
 * messages being every mail the Cognito stand-in delivered (an SMS is a mail to {@code
 * <digits>@sms.local}). Requests: {@code GET api/servers}, {@code GET api/servers/{id}}, {@code
 * POST api/messages/search}, {@code GET api/messages}, {@code GET api/messages/{id}}, {@code DELETE
 * api/messages/{id}} and {@code DELETE api/messages?server=}; HTTP basic authentication with the
 * key as user name, as Mailosaur has it.
 */
final class MailosaurStandIn extends StackPart {
  // The pause between polls the answer asks the client for (x-ms-delay, milliseconds): Mailosaur
  // sets it per answer; the stand-in asks for a short one, as its mail is already local.
  static final String POLL_DELAY_MILLIS = "250";
  private static final Pattern MESSAGE = Pattern.compile("/api/messages/([^/]+)");
  private static final Pattern SERVER = Pattern.compile("/api/servers/([^/]+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GreenMail greenMail;
  private final String serverId;
  private final String apiKey;
  // Mails seen so far, by their key in the SMTP store, in arrival order; deleted ones by id.
  private final Map<String, Stored> messages = new LinkedHashMap<>();
  private final Set<String> deleted = new HashSet<>();
  private HttpServer server;
  private ExecutorService threads;
  private PrintWriter requestLog;

  MailosaurStandIn(GreenMail greenMail, String serverId, String apiKey, Path logDir) {
    super("mailosaur", logDir);
    this.greenMail = greenMail;
    this.serverId = serverId;
    this.apiKey = apiKey;
  }

  @Override
  public void start() {
    try {
      Files.createDirectories(log().getParent());
      requestLog =
          new PrintWriter(
              Files.newBufferedWriter(log(), StandardOpenOption.CREATE, StandardOpenOption.APPEND),
              true);
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      threads = Executors.newFixedThreadPool(4, DaemonThreads.named("mailosaur-stand-in"));
      server.setExecutor(threads);
      server.createContext("/api/", this::handle);
      server.start();
      requestLog.println(
          "Mailosaur stand-in for server " + serverId + " at " + url() + " over the SMTP inbox");
    } catch (IOException e) {
      throw failed(e.getMessage(), e);
    }
  }

  /** The base URL to give {@code new MailosaurClient(apiKey, baseUrl)}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  String serverId() {
    return serverId;
  }

  String apiKey() {
    return apiKey;
  }

  private void handle(HttpExchange exchange) throws IOException {
    Answer answer;
    try {
      answer = answer(exchange);
    } catch (BadRequest e) {
      answer = error(400, "invalid_request", e.getMessage());
    } catch (RuntimeException e) {
      answer = error(500, "api_error", String.valueOf(e.getMessage()));
    }
    requestLog.println(
        Instant.now()
            + " "
            + exchange.getRequestMethod()
            + " "
            + exchange.getRequestURI()
            + " -> "
            + answer.status);
    exchange.getResponseHeaders().add("x-ms-delay", POLL_DELAY_MILLIS);
    if (answer.body == null) {
      exchange.sendResponseHeaders(answer.status, -1);
      exchange.close();
      return;
    }
    byte[] body = JSON.writeValueAsBytes(answer.body);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(answer.status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private Answer answer(HttpExchange exchange) throws IOException {
    if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
      return error(401, "authentication_error", "Authentication failed, check your API key.");
    }
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    Matcher message = MESSAGE.matcher(path);
    Matcher oneServer = SERVER.matcher(path);
    if (path.equals("/api/messages/search") && method.equals("POST")) {
      return search(query, JSON.readTree(exchange.getRequestBody()));
    }
    if (path.equals("/api/messages") && method.equals("GET")) {
      return search(query, JSON.createObjectNode());
    }
    if (path.equals("/api/messages") && method.equals("DELETE")) {
      knownServer(query);
      synchronized (this) {
        ingest();
        messages.values().stream().filter(m -> m != null).forEach(m -> deleted.add(m.id()));
      }
      return new Answer(204, null);
    }
    if (message.matches() && method.equals("GET")) {
      return byId(message.group(1)).map(m -> new Answer(200, m.message())).orElse(notFound());
    }
    if (message.matches() && method.equals("DELETE")) {
      synchronized (this) {
        if (byId(message.group(1)).isEmpty()) {
          return notFound();
        }
        deleted.add(message.group(1));
      }
      return new Answer(204, null);
    }
    if (path.equals("/api/servers") && method.equals("GET")) {
      ObjectNode list = JSON.createObjectNode();
      list.putArray("items").add(describeServer());
      return new Answer(200, list);
    }
    if (oneServer.matches() && method.equals("GET")) {
      return oneServer.group(1).equals(serverId) ? new Answer(200, describeServer()) : notFound();
    }
    return error(
        404, "invalid_request", method + " " + path + " is not part of this stand-in's API.");
  }

  private boolean authorized(String header) {
    if (header == null || !header.startsWith("Basic ")) {
      return false;
    }
    String credentials =
        new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    return credentials.equals(apiKey + ":");
  }

  private ObjectNode describeServer() {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", serverId);
    node.put("name", "authflow rehearsal");
    node.putArray("users");
    synchronized (this) {
      ingest();
      node.put("messages", live().size());
    }
    return node;
  }

  /**
   * Search and list: the server's messages received after {@code receivedAfter} (epoch milliseconds
   * as the Java client sends it, or an ISO-8601 time as the API reference shows), matching the
   * criteria (all of them, or any with {@code match: ANY}), newest first, one page.
   */
  private Answer search(Map<String, String> query, JsonNode criteria) {
    knownServer(query);
    Instant after = receivedAfter(query.get("receivedAfter"));
    int page = number(query, "page", 0, 0, Integer.MAX_VALUE);
    int perPage = number(query, "itemsPerPage", 50, 1, 1000);
    // Accepted as the API takes them; the client waits itself, so the answer never blocks.
    number(query, "timeout", 0, 0, Integer.MAX_VALUE);
    String dir = query.getOrDefault("dir", "Received");
    if (!dir.equals("Received") && !dir.equals("Sent")) {
      throw new BadRequest("dir is '" + dir + "'; use Received or Sent.");
    }
    Predicate<Stored> matches = criteria(criteria == null ? JSON.createObjectNode() : criteria);
    List<Stored> found;
    synchronized (this) {
      ingest();
      List<Stored> all = live();
      found =
          all.stream()
              .filter(m -> dir.equals("Received"))
              .filter(m -> m.received().isAfter(after))
              .filter(matches)
              // Newest first; mails of the same millisecond in reverse arrival order.
              .sorted(Comparator.comparing(Stored::received).thenComparing(all::indexOf).reversed())
              .skip((long) page * perPage)
              .limit(perPage)
              .toList();
    }
    ObjectNode result = JSON.createObjectNode();
    ArrayNode items = result.putArray("items");
    found.forEach(m -> items.add(m.summary()));
    return new Answer(200, result);
  }

  private Predicate<Stored> criteria(JsonNode body) {
    List<Predicate<Stored>> parts = new ArrayList<>();
    text(body, "sentTo").ifPresent(to -> parts.add(m -> m.sentTo(to)));
    text(body, "sentFrom").ifPresent(from -> parts.add(m -> m.sentFrom(from)));
    text(body, "subject").ifPresent(s -> parts.add(m -> contains(m.subject(), s)));
    text(body, "body")
        .ifPresent(b -> parts.add(m -> contains(m.text(), b) || contains(m.html(), b)));
    String match = text(body, "match").orElse("ALL");
    if (!match.equals("ALL") && !match.equals("ANY")) {
      throw new BadRequest("match is '" + match + "'; use ALL or ANY.");
    }
    if (parts.isEmpty()) {
      return m -> true;
    }
    return match.equals("ALL")
        ? m -> parts.stream().allMatch(p -> p.test(m))
        : m -> parts.stream().anyMatch(p -> p.test(m));
  }

  private static Optional<String> text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
  }

  private static boolean contains(String haystack, String needle) {
    return haystack != null
        && haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
  }

  private void knownServer(Map<String, String> query) {
    String server = query.get("server");
    if (server == null || server.isEmpty()) {
      throw new BadRequest("server is required: the id of the server to search.");
    }
    if (!server.equals(serverId)) {
      throw new BadRequest("no server '" + server + "'; this stand-in has " + serverId + ".");
    }
  }

  private static Instant receivedAfter(String value) {
    if (value == null || value.isEmpty()) {
      return Instant.MIN;
    }
    if (value.chars().allMatch(Character::isDigit)) {
      return Instant.ofEpochMilli(Long.parseLong(value));
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadRequest(
          "receivedAfter is '" + value + "'; use epoch milliseconds or an ISO-8601 time.");
    }
  }

  private static int number(
      Map<String, String> query, String name, int fallback, int min, int max) {
    String value = query.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      if (number < min || number > max) {
        throw new BadRequest(name + " is " + number + "; use " + min + " to " + max + ".");
      }
      return number;
    } catch (NumberFormatException e) {
      throw new BadRequest(name + " is '" + value + "', not a whole number.");
    }
  }

  private synchronized Optional<Stored> byId(String id) {
    ingest();
    return live().stream().filter(m -> m.id().equals(id)).findFirst();
  }

  private List<Stored> live() {
    return messages.values().stream().filter(m -> !deleted.contains(m.id())).toList();
  }

  /** Takes in the mails the SMTP inbox received since the last request, with their arrival time. */
  private void ingest() {
    for (StoredMessage mail : greenMail.getManagers().getImapHostManager().getAllMessages()) {
      String key = keyOf(mail);
      if (messages.containsKey(key)) {
        continue;
      }
      try {
        messages.put(
            key,
            MailosaurMessages.read(
                UUID.randomUUID().toString(),
                serverId,
                mail.getMimeMessage(),
                mail.getReceivedDate().toInstant()));
      } catch (MessagingException | IOException e) {
        throw new UncheckedIOException(
            new IOException("cannot read a mail of the SMTP inbox: " + e.getMessage(), e));
      }
    }
  }

  private static String keyOf(StoredMessage mail) {
    String messageId;
    try {
      messageId = mail.getMimeMessage().getMessageID();
    } catch (MessagingException e) {
      messageId = null;
    }
    return messageId + "#" + mail.getUid() + "#" + mail.getReceivedDate().getTime();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      query.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return query;
  }

  private static Answer notFound() {
    return error(404, "invalid_request", "Request did not find any matching resources.");
  }

  private static Answer error(int status, String type, String message) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", type);
    node.put("message", message);
    return new Answer(status, node);
  }

  private record Answer(int status, JsonNode body) {}

  private static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
    if (threads != null) {
      threads.shutdownNow();
    }
    if (requestLog != null) {
      requestLog.close();
    }
  }
}
