package io.authflow.e2e.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in text that leaves the harness (attachments, logs, report files): the values of
 * secret-looking environment variables (API keys, AWS credentials, farm keys), what was typed into
 * a password field of a page source, password fields of JSON, and the user info of URLs ({@code
 * https://user:key@hub/…}, the form farm samples use).
 */
public final class Redactor {
  public static final String MASK = "**HIDDEN**";
  // Names of variables whose values are secrets, e.g. MAILOSAUR_API_KEY, AWS_SECRET_ACCESS_KEY,
  // BROWSERSTACK_ACCESS_KEY, AWS_SESSION_TOKEN.
  private static final Pattern SECRET_NAME =
      Pattern.compile(".*(KEY|SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIAL).*");
  // Shorter values would mask ordinary words; real keys are far longer.
  private static final int MIN_SECRET_LENGTH = 6;
  // React keeps a controlled input's value attribute in sync, so a page source shows what a user
  // typed, also into <input type="password">.
  private static final Pattern PASSWORD_INPUT =
      Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern VALUE_ATTRIBUTE =
      Pattern.compile("(\\bvalue=)(\"[^\"]*\"|'[^']*')", Pattern.CASE_INSENSITIVE);
  private static final Pattern JSON_PASSWORD =
      Pattern.compile(
          "(\"(?:password|newPassword|proposedPassword|previousPassword|temporaryPassword)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
          Pattern.CASE_INSENSITIVE);

  // user:key@ after a scheme; the key may hold any character but the URL's delimiters.
  private static final Pattern URL_USER_INFO =
      Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^\\s/@:]+:[^\\s/@]+@");

  private static final Redactor FOR_THIS_PROCESS = new Redactor(System.getenv());

  private final List<String> secrets;

  public Redactor(Map<String, String> environment) {
    this.secrets =
        environment.entrySet().stream()
            .filter(e -> SECRET_NAME.matcher(e.getKey().toUpperCase(Locale.ROOT)).matches())
            .map(Map.Entry::getValue)
            .filter(v -> v != null && v.length() >= MIN_SECRET_LENGTH)
            .distinct()
            // Longest first, so a secret containing another is hidden whole.
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  /** The redactor for this JVM's environment. */
  public static Redactor forThisProcess() {
    return FOR_THIS_PROCESS;
  }

  /** {@code text} with secrets, typed passwords and {@code extra} values hidden. */
  public String redact(String text, String... extra) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    for (String value : extra) {
      if (value != null && !value.isEmpty()) {
        result = result.replace(value, MASK);
      }
    }
    result = JSON_PASSWORD.matcher(result).replaceAll("$1\"" + MASK + "\"");
    result = URL_USER_INFO.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
    return hidePasswordInputs(result);
  }

  private static String hidePasswordInputs(String html) {
    Matcher input = PASSWORD_INPUT.matcher(html);
    StringBuilder out = new StringBuilder();
    while (input.find()) {
      String tag = input.group();
      if (tag.toLowerCase(Locale.ROOT).matches("(?s).*\\btype=[\"']?password\\b.*")) {
        tag = VALUE_ATTRIBUTE.matcher(tag).replaceAll("$1\"" + MASK + "\"");
      }
      input.appendReplacement(out, Matcher.quoteReplacement(tag));
    }
    input.appendTail(out);
    return out.toString();
  }
}
