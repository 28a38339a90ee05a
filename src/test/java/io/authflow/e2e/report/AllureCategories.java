package io.authflow.e2e.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The real categories.json applied as Allure applies it: a result joins every category whose status
 * matches and whose traceRegex matches the whole printed stack trace (String.matches).
 */
final class AllureCategories {
  private static final JsonNode CATEGORIES = load();

  private AllureCategories() {}

  static List<String> of(Throwable failure) {
    // allure-cucumber7-jvm: an AssertionError is "failed", anything else "broken"; the trace is
    // the printed stack trace, causes included.
    String status = failure instanceof AssertionError ? "failed" : "broken";
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    List<String> matched = new ArrayList<>();
    for (JsonNode category : CATEGORIES) {
      boolean statusMatches = false;
      for (JsonNode s : category.path("matchedStatuses")) {
        statusMatches |= s.asText().equals(status);
      }
      if (statusMatches && trace.toString().matches(category.path("traceRegex").asText())) {
        matched.add(category.path("name").asText());
      }
    }
    return matched;
  }

  private static JsonNode load() {
    try (InputStream in = AllureCategories.class.getResourceAsStream("/allure/categories.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("allure/categories.json cannot be read", e);
    }
  }
}
