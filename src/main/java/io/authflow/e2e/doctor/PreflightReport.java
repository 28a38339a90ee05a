package io.authflow.e2e.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authflow.e2e.report.AllureResults;
import io.authflow.e2e.report.RunOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * A failed preflight is the run's result, so it is reported where the scenarios' results would be:
 * one broken "Preflight" entry per failed check in Allure (an environment fault), a JUnit suite
 * with every check, and the console summary. Otherwise a nightly reader sees an empty report.
 */
public final class PreflightReport {
  private final AllureResults allure;
  private final Path junitFile;
  private final RunOutcome outcome;

  /** {@code outcome} keeps the failure for the console's summary. */
  public PreflightReport(AllureResults allure, Path junitFile, RunOutcome outcome) {
    this.allure = allure;
    this.junitFile = junitFile;
    this.outcome = outcome;
  }

  public static PreflightReport ofThisRun() {
    return new PreflightReport(
        AllureResults.ofThisRun(), Path.of("reports/junit/preflight.xml"), RunOutcome.ofThisJvm());
  }

  /** Writes the failed checklist into both reports and keeps it for the console summary. */
  public void write(Checklist checklist) {
    outcome.preflightFailed(
        checklist.results().size(),
        checklist.failures().stream().map(PreflightReport::line).toList());
    long now = Instant.now().toEpochMilli();
    ObjectMapper json = new ObjectMapper();
    try {
      Files.createDirectories(allure.directory());
      for (CheckResult check : checklist.failures()) {
        String uuid = UUID.randomUUID().toString();
        ObjectNode result = json.createObjectNode();
        result.put("uuid", uuid);
        result.put("historyId", "preflight:" + check.check() + ":" + check.detail());
        result.put("name", "Preflight: " + check.check());
        result.put(
            "fullName", "Preflight of environment " + checklist.env() + ": " + check.check());
        result.put("status", "broken");
        result.put("stage", "finished");
        result.put("start", now - checklist.took().toMillis());
        result.put("stop", now);
        ObjectNode details = result.putObject("statusDetails");
        details.put("message", line(check));
        // Categories match the trace: this names the cause as the preflight, an environment fault.
        details.put("trace", "io.authflow.e2e.doctor.PreflightFailedException: " + line(check));
        var labels = result.putArray("labels");
        labels.addObject().put("name", "epic").put("value", "Preflight");
        labels.addObject().put("name", "feature").put("value", "Preflight");
        labels.addObject().put("name", "suite").put("value", "Preflight");
        json.writeValue(allure.directory().resolve(uuid + "-result.json").toFile(), result);
      }
      Files.createDirectories(junitFile.getParent());
      Files.writeString(junitFile, junit(checklist), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the preflight's report", e);
    }
  }

  static String line(CheckResult check) {
    return check.check()
        + ": "
        + check.detail()
        + (check.fix().isEmpty() ? "" : " Fix: " + check.fix());
  }

  private static String junit(Checklist checklist) {
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<testsuite name=\"Preflight\" tests=\"")
            .append(checklist.results().size())
            .append("\" failures=\"")
            .append(checklist.failures().size())
            .append("\" errors=\"0\" skipped=\"0\" time=\"")
            .append(checklist.took().toMillis() / 1000.0)
            .append("\">\n");
    for (CheckResult check : checklist.results()) {
      xml.append("  <testcase classname=\"Preflight\" name=\"")
          .append(escape(check.check()))
          .append("\"");
      if (check.passed()) {
        xml.append("/>\n");
      } else {
        xml.append(">\n    <failure type=\"PreflightFailedException\" message=\"")
            .append(escape(line(check)))
            .append("\"/>\n  </testcase>\n");
      }
    }
    return xml.append("</testsuite>\n").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
