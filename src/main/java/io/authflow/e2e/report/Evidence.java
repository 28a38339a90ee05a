package io.authflow.e2e.report;

import io.cucumber.java.Scenario;
import java.nio.charset.StandardCharsets;

/**
 * Attaches evidence to the running scenario. Cucumber's attachments reach both reports: the
 * Cucumber HTML and, through allure-cucumber7-jvm, the Allure report. Every text attachment passes
 * the {@link Redactor} first, so no secret or typed password reaches a report.
 */
public final class Evidence {
  private final Redactor redactor = Redactor.forThisProcess();
  private Scenario scenario;

  /** Called by the first {@code @Before} hook; attachments before that have nowhere to go. */
  public void bind(Scenario scenario) {
    this.scenario = scenario;
  }

  public void text(String title, String text) {
    attach(title, "text/plain", text);
  }

  public void png(String title, byte[] png) {
    if (scenario != null) {
      scenario.attach(png, "image/png", title);
    }
  }

  public void xml(String title, String xml) {
    attach(title, "text/xml", xml);
  }

  private void attach(String title, String mediaType, String text) {
    if (scenario != null) {
      scenario.attach(
          redactor.redact(text).getBytes(StandardCharsets.UTF_8),
          mediaType,
          redactor.redact(title));
    }
  }
}
