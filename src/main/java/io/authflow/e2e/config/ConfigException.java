package io.authflow.e2e.config;

import java.util.List;

/** A configuration that cannot be used; its message lists every problem, each with its fix. */
public final class ConfigException extends RuntimeException {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(
        problems.size() == 1
            ? problems.get(0)
            : "The configuration has "
                + problems.size()
                + " problems:\n  - "
                + String.join("\n  - ", problems),
        null,
        false,
        // No stack trace: each problem names its file, key or flag; frames would bury them.
        false);
    this.problems = List.copyOf(problems);
  }

  public ConfigException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
