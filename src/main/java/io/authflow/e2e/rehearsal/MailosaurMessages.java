package io.authflow.e2e.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail the SMTP inbox received, as Mailosaur's API describes a message: {@code Email} for an
 * address, {@code SMS} for the stand-in's phone addresses ({@code <digits>@sms.local}, with {@code
 * to[].phone} {@code +<digits>}), with the codes found in the text and HTML bodies.
 */
final class MailosaurMessages {
  static final String SMS_DOMAIN = "@sms.local";
  // Mailosaur does not publish its code detector; a standalone run of 4 to 8 digits covers the
  // verification codes Cognito sends ({####} is six digits), and the harness falls back to
  // inbox.codePattern when a provider finds none.
  private static final Pattern CODE = Pattern.compile("(?<![\\w-])(\\d{4,8})(?![\\w-])");
  private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final ObjectMapper JSON = new ObjectMapper();

  private MailosaurMessages() {}

  /** One received mail, kept with what a search filters on. */
  record Stored(
      String id,
      String server,
      boolean sms,
      List<String> to,
      List<String> from,
      String subject,
      String text,
      String html,
      Instant received) {

    /** GET api/messages/{id}: the full message. */
    ObjectNode message() {
      ObjectNode node = header();
      node.set("cc", JSON.createArrayNode());
      node.set("bcc", JSON.createArrayNode());
      node.set("text", content(text, false));
      if (!sms) {
        node.set("html", content(html, true));
        ObjectNode metadata = node.putObject("metadata");
        metadata.putArray("headers");
      }
      node.putArray("attachments");
      return node;
    }

    /** An item of a search or list answer: the summary fields, no bodies. */
    ObjectNode summary() {
      ObjectNode node = header();
      node.set("cc", JSON.createArrayNode());
      node.set("bcc", JSON.createArrayNode());
      String plain = text != null ? text : html == null ? "" : TAG.matcher(html).replaceAll(" ");
      node.put("summary", plain.strip().replaceAll("\\s+", " "));
      node.put("attachments", 0);
      return node;
    }

    private ObjectNode header() {
      ObjectNode node = JSON.createObjectNode();
      node.put("id", id);
      node.put("type", sms ? "SMS" : "Email");
      node.set("from", addresses(from));
      node.set("to", addresses(to));
      node.put("received", received.toString());
      if (sms) {
        node.putNull("subject");
      } else {
        node.put("subject", subject);
      }
      node.put("server", server);
      return node;
    }

    private ArrayNode addresses(List<String> list) {
      ArrayNode array = JSON.createArrayNode();
      for (String address : list) {
        ObjectNode item = array.addObject();
        item.put("name", "");
        if (sms) {
          item.put("phone", address);
        } else {
          item.put("email", address);
        }
      }
      return array;
    }

    private static ObjectNode content(String body, boolean html) {
      ObjectNode node = JSON.createObjectNode();
      ArrayNode links = node.putArray("links");
      ArrayNode codes = node.putArray("codes");
      if (html) {
        node.putArray("images");
      }
      if (body == null) {
        node.putNull("body");
        return node;
      }
      Matcher link = LINK.matcher(body);
      while (link.find()) {
        links.addObject().put("href", link.group()).put("text", link.group());
      }
      String words = html ? TAG.matcher(body).replaceAll(" ") : body;
      Matcher code = CODE.matcher(words);
      while (code.find()) {
        codes.addObject().put("value", code.group(1));
      }
      node.put("body", body);
      return node;
    }

    boolean sentTo(String recipient) {
      return to.stream().anyMatch(a -> a.equalsIgnoreCase(recipient));
    }

    boolean sentFrom(String sender) {
      return from.stream().anyMatch(a -> a.equalsIgnoreCase(sender));
    }
  }

  /** Reads a received mail; a recipient at the SMS domain makes it an SMS to {@code +<digits>}. */
  static Stored read(String id, String server, MimeMessage mail, Instant received)
      throws MessagingException, IOException {
    List<String> to = new ArrayList<>();
    for (Address address : nonNull(mail.getRecipients(RecipientType.TO))) {
      to.add(((InternetAddress) address).getAddress());
    }
    boolean sms =
        !to.isEmpty() && to.stream().allMatch(a -> a.toLowerCase(Locale.ROOT).endsWith(SMS_DOMAIN));
    List<String> from = new ArrayList<>();
    if (!sms) {
      for (Address address : nonNull(mail.getFrom())) {
        from.add(((InternetAddress) address).getAddress());
      }
    }
    Bodies bodies = new Bodies();
    bodies.collect(mail);
    return new Stored(
        id,
        server,
        sms,
        sms ? to.stream().map(a -> "+" + a.substring(0, a.indexOf('@'))).toList() : to,
        from,
        mail.getSubject() == null ? "" : mail.getSubject(),
        bodies.text,
        sms ? null : bodies.html,
        received);
  }

  private static List<Address> nonNull(Address[] addresses) {
    return addresses == null ? Collections.emptyList() : List.of(addresses);
  }

  /** The first text/plain and text/html parts of a mail, multipart or not. */
  private static final class Bodies {
    private String text;
    private String html;

    void collect(Part part) throws MessagingException, IOException {
      if (part.isMimeType("text/plain") && text == null) {
        text = (String) part.getContent();
      } else if (part.isMimeType("text/html") && html == null) {
        html = (String) part.getContent();
      } else if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          collect(child);
        }
      }
    }
  }
}
