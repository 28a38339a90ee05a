package io.authflow.e2e.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines of one session, from a log in Appium 3's format with two sessions interleaved. */
class AppiumLogExcerptTest {
  private static final String SESSION = "64a4b406-3ce5-45ee-85f8-9d10d6d22548";

  @TempDir Path dir;

  @Test
  void keepsOnlyTheLinesOfTheSession() throws IOException {
    Path log = dir.resolve("appium.log");
    Files.writeString(
        log,
        """
        2026-11-26 18:37:58:961 [HTTP] --> POST /session {"capabilities":{}}
        2026-11-26 18:37:59:836 [64a4b406][ChromiumDriver@9aba] Session created
        2026-11-26 18:38:00:100 [aa11bb22][ChromiumDriver@1111] another session
        2026-11-26 18:38:00:595 [64a4b406][HTTP] --> POST /session/64a4b406/elements
        """);

    assertThat(AppiumLogExcerpt.of(log, SESSION))
        .hasValue(
            "2026-11-26 18:37:59:836 [64a4b406][ChromiumDriver@9aba] Session created\n"
                + "2026-11-26 18:38:00:595 [64a4b406][HTTP] --> POST /session/64a4b406/elements");
  }

  @Test
  void aLongSessionKeepsItsLastLinesAndSaysSo() throws IOException {
    Path log = dir.resolve("appium.log");
    int total = AppiumLogExcerpt.MAX_LINES + 5;
    Files.writeString(
        log,
        IntStream.range(0, total)
            .mapToObj(i -> "[64a4b406] line " + i)
            .collect(Collectors.joining("\n")));

    String excerpt = AppiumLogExcerpt.of(log, SESSION).orElseThrow();

    assertThat(excerpt)
        .startsWith("(5 earlier lines of the session left out)\n[64a4b406] line 5\n");
    assertThat(excerpt).endsWith("line " + (total - 1));
  }

  @Test
  void nothingWithoutALogOrWithoutTheSession() throws IOException {
    assertThat(AppiumLogExcerpt.of(dir.resolve("missing.log"), SESSION)).isEmpty();
    Path log = dir.resolve("appium.log");
    Files.writeString(log, "[aa11bb22] other\n");
    assertThat(AppiumLogExcerpt.of(log, SESSION)).isEmpty();
  }
}
