package io.authflow.e2e.doctor;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleTag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The scenarios a run will execute, read from the feature files with Cucumber's own parser and
 * filtered by the run's tag and name filters: what the profile check asks "does this run need a
 * name only some scenarios use?" (e.g. the mobile number field, only for codes by SMS).
 */
public final class SelectedScenarios {
  private final Set<String> tags;
  private final int count;

  private SelectedScenarios(Set<String> tags, int count) {
    this.tags = tags;
    this.count = count;
  }

  /** The scenarios of every .feature file under {@code features} that {@code options} select. */
  public static SelectedScenarios of(Path features, CucumberOptions options) {
    var tagFilter = options.tags();
    var nameFilter = options.name();
    Set<String> tags = new HashSet<>();
    int count = 0;
    if (!Files.isDirectory(features)) {
      return new SelectedScenarios(Set.of(), 0);
    }
    GherkinParser parser =
        GherkinParser.builder().includeSource(false).includeGherkinDocument(false).build();
    try (Stream<Path> files = Files.walk(features)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".feature")).sorted().toList()) {
        // A feature Cucumber cannot parse yields no pickles here; the engine reports it itself.
        List<Pickle> pickles =
            parser
                .parse(file)
                .map(Envelope::getPickle)
                .flatMap(java.util.Optional::stream)
                .toList();
        for (Pickle pickle : pickles) {
          List<String> own = pickle.getTags().stream().map(PickleTag::getName).toList();
          boolean selected =
              tagFilter.map(e -> e.evaluate(own)).orElse(true)
                  && nameFilter.map(p -> p.matcher(pickle.getName()).find()).orElse(true);
          if (selected) {
            count++;
            tags.addAll(own);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the features under " + features, e);
    }
    return new SelectedScenarios(Set.copyOf(tags), count);
  }

  /** Whether any selected scenario carries {@code tag} (e.g. {@code @otp-sms}). */
  public boolean include(String tag) {
    return tags.contains(tag);
  }

  public int count() {
    return count;
  }
}
