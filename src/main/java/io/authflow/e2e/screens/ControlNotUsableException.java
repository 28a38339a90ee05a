package io.authflow.e2e.screens;

/**
 * The harness could not operate a control as the step needs: it was disabled, or a field did not
 * take the text typed into it. The message names the control and what the form lacked.
 */
public final class ControlNotUsableException extends RuntimeException {
  public ControlNotUsableException(String message) {
    super(message);
  }
}
