package io.authflow.e2e.doctor;

import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How many email codes a run asks Cognito for: the scenarios it selects, as Cucumber selects them
 * (the feature files of cucumber.features, else features/; cucumber.filter.tags;
 * cucumber.filter.name), and in each the steps that make Cognito email a code. An estimate: a
 * scenario that fails early asks for fewer, a rerun asks again.
 */
record EmailCodeEstimate(int codes, int sendingScenarios, int selectedScenarios, String kinds) {

  // The steps after which Cognito emails a code, by their text once an outline's row is filled in,
  // and what each code is for. Words of the step definitions (steps/): EmailCodeEstimateTest fails
  // when a feature no longer has one of them. Sign-ups to a mobile get an SMS, not an email.
  static final Map<String, String> SENDING_STEPS =
      Map.of(
          "they sign up to receive their code on their email", "sign-up",
          "they signed up but left before entering the code", "sign-up",
          "they ask for a new confirmation code", "new code",
          // The app asks for a new code when an unconfirmed user signs in.
          "they come back and sign in", "new code",
          "they ask to reset their forgotten password", "password reset",
          "a returning user who has reset their forgotten password", "password reset",
          // On pools that offer it (else the scenario does not apply and sends nothing).
          "they ask for a sign-in code by email instead of typing their password", "sign-in code");

  /** The selection of this run, from the same properties Cucumber reads. */
  static EmailCodeEstimate forThisRun() {
    String features = System.getProperty("cucumber.features", "");
    return of(
        features.isBlank()
            ? List.of(Path.of("features"))
            : Arrays.stream(features.split(","))
                // A feature:line selects part of a file; the whole file is an upper bound.
                .map(f -> Path.of(f.strip().replaceFirst("(:\\d+)+$", "")))
                .toList(),
        System.getProperty("cucumber.filter.tags", ""),
        System.getProperty("cucumber.filter.name", ""));
  }

  /**
   * @param tags a tag expression, empty for every scenario
   * @param name a regular expression a scenario's name must match as a whole, empty for any
   */
  static EmailCodeEstimate of(List<Path> features, String tags, String name) {
    var scenarios =
        SelectedScenarios.of(
            features,
            tags.isBlank() ? Optional.empty() : Optional.of(TagExpressionParser.parse(tags)),
            name.isBlank() ? Optional.empty() : Optional.of(Pattern.compile(name)));
    int selected = 0;
    int sending = 0;
    Map<String, Integer> byKind = new LinkedHashMap<>();
    for (Pickle scenario : scenarios.scenarios()) {
      selected++;
      List<String> kinds =
          scenario.getSteps().stream()
              .map(PickleStep::getText)
              .filter(SENDING_STEPS::containsKey)
              .map(SENDING_STEPS::get)
              .toList();
      if (!kinds.isEmpty()) {
        sending++;
      }
      kinds.forEach(kind -> byKind.merge(kind, 1, Integer::sum));
    }
    List<String> parts = new ArrayList<>();
    byKind.forEach((kind, n) -> parts.add(n + " " + kind + (n == 1 ? "" : "s")));
    return new EmailCodeEstimate(
        byKind.values().stream().mapToInt(Integer::intValue).sum(),
        sending,
        selected,
        String.join(", ", parts));
  }

  /** One line: how many codes, from how many of the selected scenarios, for what. */
  String describe() {
    return "this run asks for about "
        + codes
        + " email code"
        + (codes == 1 ? "" : "s")
        + (codes == 0
            ? " (none of its " + selectedScenarios + " selected scenarios sends one)"
            : " ("
                + sendingScenarios
                + " of its "
                + selectedScenarios
                + " selected scenarios send them: "
                + kinds
                + "; reruns ask again)");
  }
}
