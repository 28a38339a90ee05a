package io.authflow.e2e.parts;

import java.util.Optional;

/**
 * What the run depends on, as {@link StackWatch} asks it whether a part died: the embedded stack
 * implements it, and so does an Appium server the run did not start. The screens and the devices
 * learn of a dead part through the watch alone, never by naming the stack.
 */
public interface StackHealth {
  /** The first part found stopped (a cheap look at the processes), as the message naming it. */
  Optional<String> stoppedPart();

  /**
   * Like {@link #stoppedPart()}, also asking each part whether it still answers (a request each).
   */
  Optional<String> unhealthyPart();
}
