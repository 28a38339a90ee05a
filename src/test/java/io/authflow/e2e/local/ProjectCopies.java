package io.authflow.e2e.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * For tests that run the local stack in a directory of their own, with the project's src/ (and
 * perhaps config/) linked into it, so their logs and reports do not mix with a feature run's.
 */
public final class ProjectCopies {
  private ProjectCopies() {}

  /**
   * A new directory named {@code prefix…} with the project's src/ and config/ linked into it: the
   * local stack started there reads the project's parts and profiles and logs under it.
   */
  public static Path linked(String prefix) throws IOException {
    Path project = Path.of("").toAbsolutePath();
    Path root = Files.createTempDirectory(prefix);
    Files.createSymbolicLink(root.resolve("src"), project.resolve("src"));
    Files.createSymbolicLink(root.resolve("config"), project.resolve("config"));
    return root;
  }

  /** Removes such a directory. Symbolic links are removed, never followed: the project stays. */
  public static void delete(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
