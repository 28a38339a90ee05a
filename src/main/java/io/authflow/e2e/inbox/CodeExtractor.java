package io.authflow.e2e.inbox;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a one-time code in a message body with the configured pattern (its first group). */
public final class CodeExtractor {
  private final Pattern pattern;

  public CodeExtractor(String pattern) {
    this.pattern = Pattern.compile(pattern);
  }

  public Optional<String> extract(String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  @Override
  public String toString() {
    return pattern.pattern();
  }
}
