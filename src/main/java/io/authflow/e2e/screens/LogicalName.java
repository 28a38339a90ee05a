package io.authflow.e2e.screens;

import java.util.Optional;

/**
 * A name a screen asks the app profile for ({@code <screen>.<element>}), and when a run needs the
 * profile to have it. Screens declare theirs as {@code static final} fields, so the names a profile
 * must have are read from the screen classes themselves ({@link ScreenNames}) and checked before
 * the run starts ({@link ProfileCompleteness}), instead of failing in the first scenario that asks.
 *
 * @param name the logical name, e.g. {@code signIn.submit}
 * @param need when a run asks for it
 * @param tag for {@link Need#WHEN_TAGGED}: the tag of the scenarios that ask for it
 */
public record LogicalName(String name, Need need, Optional<String> tag) {

  /** When the profile must have the name. */
  public enum Need {
    /** Every run that reaches the screen asks for it. */
    ALWAYS,
    /** Asked only when the profile has it (the app may lack it: a confirm-password field). */
    IF_MAPPED,
    /** Asked only by scenarios with a tag (a mobile number for codes by SMS). */
    WHEN_TAGGED
  }

  /** A name every run asks for. */
  public static LogicalName of(String name) {
    return new LogicalName(name, Need.ALWAYS, Optional.empty());
  }

  /** The root element that tells a screen is shown: {@code <screen>.screen}. */
  public static LogicalName screen(String screen) {
    return of(screen + ".screen");
  }

  /** A name the screens use only when the profile maps it. */
  public static LogicalName ifMapped(String name) {
    return new LogicalName(name, Need.IF_MAPPED, Optional.empty());
  }

  /** A name only scenarios tagged {@code tag} ask for. */
  public static LogicalName whenTagged(String tag, String name) {
    return new LogicalName(name, Need.WHEN_TAGGED, Optional.of(tag));
  }

  /** The screen's part of the name ({@code signIn} of {@code signIn.submit}). */
  public String screenName() {
    return name.substring(0, name.indexOf('.'));
  }

  @Override
  public String toString() {
    return name;
  }
}
