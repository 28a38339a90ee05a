package io.authflow.e2e.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** The known name a mistyped one most likely meant, for "did you mean …" in a one-line fix. */
public final class ClosestName {
  private ClosestName() {}

  /**
   * The known name nearest to {@code typed} by edit distance (ignoring case), if near enough to be
   * a typo: at most a quarter of its length, and at least two edits allowed.
   */
  public static Optional<String> to(String typed, Collection<String> known) {
    int allowed = Math.max(2, typed.length() / 4);
    return known.stream()
        .filter(k -> !k.equals(typed))
        .map(k -> new Candidate(k, distance(lower(typed), lower(k))))
        .filter(c -> c.distance() <= allowed)
        .min(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
        .map(Candidate::name);
  }

  private record Candidate(String name, int distance) {}

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** Levenshtein distance, two rows. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
