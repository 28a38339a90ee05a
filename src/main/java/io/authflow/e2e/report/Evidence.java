package io.authflow.e2e.report;

import io.cucumber.java.Scenario;
import java.nio.charset.StandardCharsets;

/**
 * Attaches evidence to the running scenario. Cucumber's attachments reach both reports: the
 * Cucumber HTML and, through allure-cucumber7-jvm, the Allure report.
 */
public final class Evidence {
  private Scenario scenario;

  /** Called by the first {@code @Before} hook; attachments before that have nowhere to go. */
  public void bind(Scenario scenario) {
    this.scenario = scenario;
  }

  public void text(String title, String text) {
    if (scenario != null) {
      scenario.attach(text.getBytes(StandardCharsets.UTF_8), "text/plain", title);
    }
  }

  public void png(String title, byte[] png) {
    if (scenario != null) {
      scenario.attach(png, "image/png", title);
    }
  }

  public void xml(String title, String xml) {
    if (scenario != null) {
      scenario.attach(xml.getBytes(StandardCharsets.UTF_8), "text/xml", title);
    }
  }
}
