package io.authflow.e2e.screens;

import io.authflow.e2e.config.ClosestName;
import io.authflow.e2e.config.ConfigException;
import io.authflow.e2e.config.Platform;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether an app profile has every logical name this run's scenarios can ask for, on the platform
 * the run uses, checked as a whole before anything starts: a missing or misspelt name is listed
 * with the file and the closest name the profile has, instead of failing scenario after scenario at
 * the first step that asks for it.
 */
public final class ProfileCompleteness {
  private final Collection<LogicalName> asked;

  /** Checks against {@code asked}, the names the screens declare ({@link ScreenNames}). */
  ProfileCompleteness(Collection<LogicalName> asked) {
    this.asked = asked;
  }

  public static ProfileCompleteness ofTheScreens() {
    return new ProfileCompleteness(ScreenNames.declared());
  }

  /**
   * One line per problem, empty when the profile is complete.
   *
   * @param runHasTag whether the run's selected scenarios include one with this tag
   */
  public List<String> problems(AppProfile profile, Platform platform, Predicate<String> runHasTag) {
    ScreenMap map = profile.screens();
    // A misspelt key is one no screen asks for; names the screens use are never the suggestion.
    Set<String> unused = new java.util.HashSet<>(map.names());
    asked.forEach(n -> unused.remove(n.name()));
    String on = platform.name().toLowerCase(Locale.ROOT);
    List<String> problems = new ArrayList<>();
    for (LogicalName name : asked) {
      if (map.has(name.name())) {
        try {
          map.locator(name.name(), platform);
        } catch (ConfigException e) {
          problems.add(e.getMessage() + " The " + on + " run asks for it.");
        }
        continue;
      }
      boolean needed =
          switch (name.need()) {
            case ALWAYS -> true;
            case IF_MAPPED -> false;
            case WHEN_TAGGED -> name.tag().map(runHasTag::test).orElse(true);
          };
      if (needed) {
        problems.add(missing(profile, name, unused));
      }
    }
    return problems;
  }

  /** Throws one {@link ConfigException} listing every problem, if there is any. */
  public void ensureComplete(AppProfile profile, Platform platform, Predicate<String> runHasTag) {
    List<String> problems = problems(profile, platform, runHasTag);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  private static String missing(AppProfile profile, LogicalName name, Set<String> present) {
    String why =
        name.tag()
            .map(tag -> "the scenarios tagged " + tag + " ask for it")
            .orElse("the " + name.screenName() + " screen asks for it");
    String fix =
        ClosestName.to(name.name(), present)
            .map(close -> "did you mean '" + close + "'? Rename that key to '" + name + "'.")
            .orElse("add it (" + name + ": <the app's testID>).");
    return profile.file() + " has no '" + name + "' (" + why + "); " + fix;
  }
}
