package io.authflow.e2e.report;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The journey a feature file belongs to, from its folder under features/ (new_user → "New user"):
 * Allure's epic, so the Behaviors tab groups journey → feature → scenario.
 */
public final class Journey {
  private Journey() {}

  public static Optional<String> of(URI feature) {
    if (!"file".equals(feature.getScheme())) {
      return Optional.empty();
    }
    // A rerun file's entries give relative URIs (file:features/…), which Path.of(URI) refuses.
    Path folder =
        Path.of(feature.isOpaque() ? feature.getSchemeSpecificPart() : feature.getPath())
            .getParent();
    if (folder == null
        || folder.getParent() == null
        || !"features".equals(folder.getParent().getFileName().toString())) {
      return Optional.empty();
    }
    String words = folder.getFileName().toString().replace('_', ' ').replace('-', ' ').trim();
    return words.isEmpty()
        ? Optional.empty()
        : Optional.of(words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1));
  }
}
