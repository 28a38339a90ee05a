package io.authflow.e2e.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README and docs/ as a newcomer uses them: every relative link opens a file of the repository
 * (and a heading of it, by GitHub's anchors), and every command they show is one CI runs, so a
 * command that stopped working fails CI before a reader meets it.
 */
class DocsTest {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final List<Path> CI_SCRIPTS = List.of(Path.of(".ci/run"), Path.of(".ci/rehearse"));

  @Test
  void everyRelativeLinkOfTheReadmeAndDocsResolvesInsideTheRepository() throws IOException {
    List<Path> pages = pages();

    assertThat(pages).contains(Path.of("README.md"), Path.of("docs/design.md"));
    assertThat(MarkdownLinks.broken(ROOT, pages)).isEmpty();
  }

  @Test
  void aLinkToAMissingFileOrHeadingIsReportedWithItsPageAndLine(@TempDir Path repo)
      throws IOException {
    Files.createDirectories(repo.resolve("docs"));
    Files.writeString(
        repo.resolve("docs/guide.md"),
        """
        # Guide

        ## Your own app — `offline`

        See [offline](#your-own-app--offline), [the start](../README.md#quick-start),
        [gone](targets.md), [no such heading](#user-pool), [outside](../../elsewhere.md),
        `[in code](nowhere.md)` and [the web](https://example.com/x.md).
        """);
    Files.writeString(repo.resolve("README.md"), "# Start\n\n## Quick start\n");

    assertThat(MarkdownLinks.broken(repo, List.of(Path.of("docs/guide.md"))))
        .containsExactly(
            "docs/guide.md:6: targets.md: no such file",
            "docs/guide.md:6: #user-pool: docs/guide.md has no heading with that anchor",
            "docs/guide.md:6: ../../elsewhere.md: outside the repository");
  }

  @Test
  void everyCommandTheReadmeAndDocsShowIsRunByCiOrSaysWhatItNeeds() throws IOException {
    List<DocCommand> ran = new ArrayList<>();
    for (Path script : CI_SCRIPTS) {
      ran.addAll(DocCommand.inScript(script));
    }
    List<DocCommand> shown = new ArrayList<>();
    for (Path page : pages()) {
      shown.addAll(DocCommand.inMarkdown(page));
    }

    assertThat(shown)
        .as("commands in fenced blocks of README.md and docs/")
        .extracting(DocCommand::text)
        .contains("mvn verify", "mvn test", "mvn -Pdoctor", "bash .ci/rehearse");
    assertThat(
            shown.stream()
                .filter(c -> c.needs().isEmpty())
                .filter(c -> ran.stream().noneMatch(c::isRunBy))
                .map(c -> c.where() + ": " + c.text()))
        .as(
            "commands shown but run neither by %s nor marked '# needs: <what CI lacks>'",
            CI_SCRIPTS)
        .isEmpty();
  }

  @Test
  void aCommandMatchesWhatCiRunsWhateverTheOrderOfItsFlagsAndCiMaySkipOnlyFinishedWork() {
    DocCommand ci =
        DocCommand.parse(
            ".ci/run:1",
            "mvn -B verify -Dlocal.prepare.skip=true -Db=2 -Da=\"1 2\" -Dharness.tests.skip=true");

    assertThat(DocCommand.parse("x:1", "mvn verify -Da=\"1 2\" -Db=2").isRunBy(ci)).isTrue();
    assertThat(DocCommand.parse("x:1", "mvn verify -Db=2").isRunBy(ci)).isFalse();
    assertThat(DocCommand.parse("x:1", "mvn verify -Da=\"1 2\" -Db=3").isRunBy(ci)).isFalse();
    assertThat(DocCommand.parse("x:1", "mvn test -Da=\"1 2\" -Db=2").isRunBy(ci)).isFalse();
    assertThat(DocCommand.parse("x:1", "X=1 mvn verify -Db=2 -Da='1 2'  # needs: a phone").needs())
        .isEqualTo("a phone");
  }

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }
}
