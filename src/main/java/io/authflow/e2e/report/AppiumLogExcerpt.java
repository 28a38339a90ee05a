package io.authflow.e2e.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The lines of an Appium server log that belong to one session. Appium 2 and 3 prefix every line of
 * a session with the first eight characters of its id, e.g. {@code [64a4b406][HTTP] -->}.
 */
public final class AppiumLogExcerpt {
  // A failing scenario's session rarely logs more; a longer one is cut at the start, where the
  // session set-up lines are of least interest.
  static final int MAX_LINES = 2_000;

  private AppiumLogExcerpt() {}

  /** The session's lines of {@code log}, or empty when the log is missing or has none. */
  public static Optional<String> of(Path log, String sessionId) {
    if (sessionId == null || sessionId.length() < 8 || !Files.isRegularFile(log)) {
      return Optional.empty();
    }
    String marker = "[" + sessionId.substring(0, 8) + "]";
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      List<String> session = lines.filter(l -> l.contains(marker)).toList();
      if (session.isEmpty()) {
        return Optional.empty();
      }
      int from = Math.max(0, session.size() - MAX_LINES);
      String cut = from == 0 ? "" : "(" + from + " earlier lines of the session left out)\n";
      return Optional.of(cut + String.join("\n", session.subList(from, session.size())));
    } catch (IOException | UncheckedIOException e) {
      return Optional.of("The Appium log " + log + " could not be read: " + e.getMessage());
    }
  }
}
