package io.authflow.e2e.inbox;

/** No message with a code arrived in time; the message says for whom, where and what was seen. */
public final class CodeNotReceivedException extends RuntimeException {
  public CodeNotReceivedException(String message) {
    super(message);
  }
}
