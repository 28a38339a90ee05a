package io.authflow.e2e.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layout says which parts a run uses: the embedded stack knows nothing of the rehearsal. */
class PackageLayoutTest {
  private static final Path MAIN = Path.of("src/main/java/io/authflow/e2e");

  @Test
  void theEmbeddedStackNamesNoRehearsalPart() throws IOException {
    List<Path> local = sources(MAIN.resolve("local"));
    assertThat(local).as("local/'s sources").isNotEmpty();
    assertThat(local)
        .as("local/ sources that reach into rehearsal/")
        .filteredOn(file -> read(file).contains("io.authflow.e2e.rehearsal"))
        .isEmpty();
  }

  @Test
  void onlyTheRehearsalProfileStartsTheRehearsalStack() throws IOException {
    assertThat(Files.readString(Path.of("pom.xml")))
        .contains("<argument>io.authflow.e2e.rehearsal.RehearsalStack</argument>");
    assertThat(sources(MAIN))
        .as("sources outside rehearsal/ that start the rehearsal stack")
        .filteredOn(file -> !file.startsWith(MAIN.resolve("rehearsal")))
        .filteredOn(file -> read(file).contains("RehearsalStack"))
        .isEmpty();
  }

  private static List<Path> sources(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
