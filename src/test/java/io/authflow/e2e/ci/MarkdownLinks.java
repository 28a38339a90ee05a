package io.authflow.e2e.ci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relative links of Markdown pages checked against the files of a repository, with GitHub's
 * anchors: a heading's rendered text in lower case, without punctuation but '-' and '_', its spaces
 * turned into '-', and '-1', '-2', … after a repeated one.
 */
final class MarkdownLinks {
  private static final Pattern LINK =
      Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");

  private MarkdownLinks() {}

  /** One line per link that does not resolve: page, line, the link as written, and why. */
  static List<String> broken(Path root, List<Path> pages) throws IOException {
    Path base = root.toAbsolutePath().normalize();
    List<String> problems = new ArrayList<>();
    for (Path page : pages) {
      List<String> lines = proseLines(base.resolve(page));
      for (int i = 0; i < lines.size(); i++) {
        Matcher link = LINK.matcher(CODE_SPAN.matcher(lines.get(i)).replaceAll(""));
        while (link.find()) {
          String target = link.group(1);
          String problem = SCHEME.matcher(target).find() ? null : problem(base, page, target);
          if (problem != null) {
            problems.add(slashed(page) + ":" + (i + 1) + ": " + target + ": " + problem);
          }
        }
      }
    }
    return problems;
  }

  private static String problem(Path base, Path page, String target) throws IOException {
    int hash = target.indexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path resolved =
        file.isEmpty()
            ? base.resolve(page)
            : base.resolve(page).getParent().resolve(file).normalize();
    if (!resolved.startsWith(base)) {
      return "outside the repository";
    }
    if (!Files.exists(resolved)) {
      return "no such file";
    }
    if (anchor != null
        && resolved.toString().endsWith(".md")
        && !anchors(resolved).contains(anchor)) {
      return slashed(base.relativize(resolved)) + " has no heading with that anchor";
    }
    return null;
  }

  /** The anchors GitHub gives a page's headings, and its explicit HTML anchors. */
  static Set<String> anchors(Path page) throws IOException {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : proseLines(page)) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String slug = slug(heading.group(1));
        int times = seen.merge(slug, 1, Integer::sum);
        anchors.add(times == 1 ? slug : slug + "-" + (times - 1));
      }
      Matcher html = HTML_ANCHOR.matcher(line);
      while (html.find()) {
        anchors.add(html.group(1));
      }
    }
    return anchors;
  }

  static String slug(String heading) {
    String text =
        heading
            .replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
            .replace("`", "")
            .replace("*", "")
            .toLowerCase(Locale.ROOT);
    return text.replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
  }

  /** The page's lines with those of fenced code blocks blanked, so line numbers stay. */
  private static List<String> proseLines(Path page) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(page));
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      boolean fence = lines.get(i).startsWith("```");
      if (fenced || fence) {
        lines.set(i, "");
      }
      if (fence) {
        fenced = !fenced;
      }
    }
    return lines;
  }

  private static String slashed(Path path) {
    return path.toString().replace('\\', '/');
  }
}
