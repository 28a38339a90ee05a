package io.authflow.e2e.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages form layers, no loop among them: the screens and the devices learn that a part died
 * through parts/ (which the stack implements), never by naming local/; the stack knows no screen.
 * Read from the sources: every import and every fully qualified name in code.
 */
class PackageDependencyTest {
  private static final Path MAIN = Path.of("src/main/java/io/authflow/e2e");
  private static final Pattern NAME = Pattern.compile("\\bio\\.authflow\\.e2e\\.([a-z]+)\\.");
  // String and char literals, block and line comments: names there are no dependency.
  private static final Pattern NOT_CODE =
      Pattern.compile(
          "\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|/\\*(?s:.*?)\\*/|//[^\\n]*");

  @Test
  void theStackNamesNoScreenAndTheScreensAndDevicesNameNoPartOfTheStack() {
    Map<String, Set<String>> uses = dependencies(MAIN);
    assertThat(uses).containsKeys("local", "screens", "device", "parts");
    assertThat(uses.get("local")).as("packages local/ uses").doesNotContain("screens");
    assertThat(uses.get("device")).as("packages device/ uses").doesNotContain("local");
    assertThat(uses.get("screens")).as("packages screens/ uses").doesNotContain("local");
  }

  @Test
  void noPackageLoop() {
    assertThat(loops(dependencies(MAIN))).as("package loops").isEmpty();
  }

  @Test
  void aLoopIsFoundAndNamedWhereverItCloses() {
    Map<String, Set<String>> uses =
        Map.of(
            "screens", Set.of("device", "config"),
            "device", Set.of("local"),
            "local", Set.of("screens"),
            "config", Set.of());
    assertThat(loops(uses)).containsExactly("device -> local -> screens -> device");
    assertThat(loops(Map.of("a", Set.of("b"), "b", Set.of()))).isEmpty();
  }

  @Test
  void namesInStringsAndCommentsAreNoDependency() {
    assertThat(
            names(
                "import io.authflow.e2e.config.HarnessConfig;\n"
                    + "// io.authflow.e2e.local.LocalStack\n"
                    + "String s = \"io.authflow.e2e.doctor.X\";\n"
                    + "var w = io.authflow.e2e.parts.StackWatch.class;"))
        .containsExactly("config", "parts");
  }

  /** Each package of {@code root} to the other packages its sources name. */
  private static Map<String, Set<String>> dependencies(Path root) {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .forEach(
              file -> {
                String own = root.relativize(file).getName(0).toString();
                Set<String> named = uses.computeIfAbsent(own, p -> new TreeSet<>());
                names(read(file)).stream().filter(p -> !p.equals(own)).forEach(named::add);
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return uses;
  }

  private static Set<String> names(String source) {
    Set<String> packages = new TreeSet<>();
    Matcher m = NAME.matcher(NOT_CODE.matcher(source).replaceAll(" "));
    while (m.find()) {
      packages.add(m.group(1));
    }
    return packages;
  }

  /** Every loop, as the path that closes it, starting at its alphabetically first package. */
  private static List<String> loops(Map<String, Set<String>> uses) {
    Set<String> found = new TreeSet<>();
    for (String start : uses.keySet()) {
      walk(uses, start, new ArrayList<>(List.of(start)), found);
    }
    return List.copyOf(found);
  }

  private static void walk(
      Map<String, Set<String>> uses, String at, List<String> path, Set<String> found) {
    for (String next : uses.getOrDefault(at, Set.of())) {
      if (next.equals(path.get(0))) {
        if (path.stream().allMatch(p -> p.compareTo(next) >= 0)) {
          found.add(String.join(" -> ", path) + " -> " + next);
        }
      } else if (!path.contains(next) && next.compareTo(path.get(0)) > 0) {
        path.add(next);
        walk(uses, next, path, found);
        path.remove(path.size() - 1);
      }
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
