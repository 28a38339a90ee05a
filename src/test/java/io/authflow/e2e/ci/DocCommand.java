package io.authflow.e2e.ci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Maven, Node or .ci command as a page shows it or a CI script runs it, read as the shell splits
 * it: the variables set before it, output-only flags (-B, -q) and a trailing comment are not part
 * of what it runs; the order of its words and -D properties is not either.
 */
record DocCommand(
    String where, String text, List<String> words, Set<String> properties, String needs) {
  /** What CI may add to a command shown: skips of work an earlier step of the same CI did. */
  private static final Set<String> SKIPS_OF_FINISHED_WORK =
      Set.of("-Dlocal.prepare.skip=true", "-Dharness.tests.skip=true", "-Dreports.keep=true");

  private static final Set<String> OUTPUT_ONLY = Set.of("-B", "--batch-mode", "-q", "--quiet");
  private static final Set<String> SHELL_LANGUAGES = Set.of("", "bash", "sh", "shell", "console");
  private static final Set<String> COMMAND_ENDS = Set.of(">", ">>", "2>&1", "&", "&&", "|", ";");
  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
  private static final Pattern NEEDS = Pattern.compile("#.*\\bneeds:\\s*(.+?)\\s*$");

  boolean isRunBy(DocCommand ci) {
    if (!words.equals(ci.words) || !ci.properties.containsAll(properties)) {
      return false;
    }
    Set<String> added = new HashSet<>(ci.properties);
    added.removeAll(properties);
    return SKIPS_OF_FINISHED_WORK.containsAll(added);
  }

  /** The commands of a page's shell blocks, a command continued with '\' read as one. */
  static List<DocCommand> inMarkdown(Path page) throws IOException {
    List<DocCommand> commands = new ArrayList<>();
    List<String> lines = Files.readAllLines(page);
    boolean shell = false;
    boolean fenced = false;
    StringBuilder command = new StringBuilder();
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) {
        fenced = !fenced;
        shell = fenced && SHELL_LANGUAGES.contains(line.substring(3).strip());
        continue;
      }
      if (!shell) {
        continue;
      }
      if (command.isEmpty()) {
        start = i + 1;
      }
      command.append(line.strip());
      if (line.endsWith("\\")) {
        command.setLength(command.length() - 1);
        command.append(' ');
        continue;
      }
      DocCommand read = parse(page.toString().replace('\\', '/') + ":" + start, command.toString());
      if (read != null) {
        commands.add(read);
      }
      command.setLength(0);
    }
    return commands;
  }

  /** The Maven, Node and .ci commands a CI script runs. */
  static List<DocCommand> inScript(Path script) throws IOException {
    List<DocCommand> commands = new ArrayList<>();
    StringBuilder command = new StringBuilder();
    List<String> lines = Files.readAllLines(script);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.endsWith("\\")) {
        command.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      command.append(line);
      DocCommand read =
          parse(script + ":" + (i + 1), command.toString().replaceFirst("^setsid ", ""));
      if (read != null) {
        commands.add(read);
      }
      command.setLength(0);
    }
    return commands;
  }

  /** The command a line holds, or null when it is not a Maven, Node or .ci command. */
  static DocCommand parse(String where, String line) {
    Matcher marker = NEEDS.matcher(line);
    String needs = marker.find() ? marker.group(1) : "";
    List<String> tokens = tokens(line);
    int first = 0;
    while (first < tokens.size() && ASSIGNMENT.matcher(tokens.get(first)).matches()) {
      first++;
    }
    List<String> run = tokens.subList(first, tokens.size());
    boolean ours =
        !run.isEmpty()
            && (run.get(0).equals("mvn")
                || run.get(0).equals("node")
                || run.size() > 1 && run.get(0).equals("bash") && run.get(1).startsWith(".ci/"));
    if (!ours) {
      return null;
    }
    List<String> words = new ArrayList<>();
    Set<String> properties = new HashSet<>();
    for (String token : run) {
      if (token.startsWith("-D")) {
        properties.add(token);
      } else if (!OUTPUT_ONLY.contains(token)) {
        words.add(token);
      }
    }
    words.sort(null);
    return new DocCommand(where, String.join(" ", run), words, properties, needs);
  }

  /** Shell words: quotes removed, up to a comment or a redirection, pipe or separator. */
  private static List<String> tokens(String line) {
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord && !end(tokens, word)) {
          return tokens;
        }
        inWord = false;
        word.setLength(0);
      } else if (c == '#' && !inWord) {
        return tokens;
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      end(tokens, word);
    }
    return tokens;
  }

  /** Adds a finished word; false when it ends the command. */
  private static boolean end(List<String> tokens, StringBuilder word) {
    String text = word.toString();
    if (COMMAND_ENDS.contains(text) || text.startsWith(">") || text.startsWith("2>")) {
      return false;
    }
    tokens.add(text);
    return true;
  }
}
