package io.authflow.e2e.report;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's %msg with the {@link Redactor} applied: a secret in a log message never reaches a log.
 */
public final class RedactingMessageConverter extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return Redactor.forThisProcess().redact(super.convert(event));
  }
}
