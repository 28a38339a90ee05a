package io.authflow.e2e.doctor;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleTag;
import io.cucumber.tagexpressions.Expression;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The scenarios a run will execute, read from the feature files with Cucumber's own parser and
 * filtered as Cucumber filters them: by the tag expression, and by the name filter, which must
 * match a scenario's whole name (cucumber-junit-platform-engine's PickleDescriptor uses {@code
 * matches()}). What the doctor asks "does this run need a name only some scenarios use?" and "how
 * many codes will it ask for?".
 */
public final class SelectedScenarios {
  private final List<Pickle> scenarios;

  private SelectedScenarios(List<Pickle> scenarios) {
    this.scenarios = List.copyOf(scenarios);
  }

  /** The scenarios of every .feature file under {@code features} that {@code options} select. */
  public static SelectedScenarios of(Path features, CucumberOptions options) {
    return of(List.of(features), options.tags(), options.name());
  }

  /** The scenarios of every .feature file under each of {@code features} that the filters keep. */
  static SelectedScenarios of(
      List<Path> features, Optional<Expression> tags, Optional<Pattern> name) {
    GherkinParser parser =
        GherkinParser.builder().includeSource(false).includeGherkinDocument(false).build();
    List<Pickle> selected = new ArrayList<>();
    for (Path root : features) {
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".feature")).sorted().toList()) {
          // A feature Cucumber cannot parse yields no pickles here; the engine reports it itself.
          parser
              .parse(file)
              .map(Envelope::getPickle)
              .flatMap(Optional::stream)
              .filter(p -> tags.map(e -> e.evaluate(tagsOf(p))).orElse(true))
              .filter(p -> name.map(n -> n.matcher(p.getName()).matches()).orElse(true))
              .forEach(selected::add);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the features under " + root, e);
      }
    }
    return new SelectedScenarios(selected);
  }

  private static List<String> tagsOf(Pickle scenario) {
    return scenario.getTags().stream().map(PickleTag::getName).toList();
  }

  /** Whether any selected scenario carries {@code tag} (e.g. {@code @otp-sms}). */
  public boolean include(String tag) {
    return scenarios.stream().anyMatch(s -> tagsOf(s).contains(tag));
  }

  public int count() {
    return scenarios.size();
  }

  List<Pickle> scenarios() {
    return scenarios;
  }
}
