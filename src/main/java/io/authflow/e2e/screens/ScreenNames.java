package io.authflow.e2e.screens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every logical name the screens can ask a profile for, read from the screen classes' own {@code
 * static final LogicalName} fields: a name a screen starts to use is checked in every profile
 * without a list here to keep in step.
 */
public final class ScreenNames {
  private static final String PACKAGE = ScreenNames.class.getPackageName();

  private ScreenNames() {}

  /** The declared names, one per name (the most demanding need where two classes share one). */
  public static Collection<LogicalName> declared() {
    Map<String, LogicalName> byName = new LinkedHashMap<>();
    for (Class<?> type : screenClasses()) {
      for (Field field : type.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (field.getType() != LogicalName.class
            || !Modifier.isStatic(modifiers)
            || !Modifier.isFinal(modifiers)) {
          continue;
        }
        LogicalName name = read(field);
        byName.merge(name.name(), name, (a, b) -> a.need().compareTo(b.need()) <= 0 ? a : b);
      }
    }
    return List.copyOf(byName.values());
  }

  private static LogicalName read(Field field) {
    try {
      field.setAccessible(true);
      return (LogicalName) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + field, e);
    }
  }

  /** The classes of this package, from the directory or jar this class was loaded from. */
  private static List<Class<?>> screenClasses() {
    String folder = PACKAGE.replace('.', '/') + "/";
    List<String> names = new ArrayList<>();
    try {
      Path source =
          Path.of(ScreenNames.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(source)) {
        try (Stream<Path> files = Files.list(source.resolve(folder))) {
          files.map(f -> folder + f.getFileName()).forEach(names::add);
        }
      } else {
        try (JarFile jar = new JarFile(source.toFile())) {
          jar.stream()
              .map(e -> e.getName())
              .filter(n -> n.startsWith(folder) && n.indexOf('/', folder.length()) < 0)
              .forEach(names::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the screen classes", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the screen classes", e);
    }
    List<Class<?>> classes = new ArrayList<>();
    names.stream()
        .filter(n -> n.endsWith(".class"))
        .sorted(Comparator.naturalOrder())
        .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
        .forEach(n -> classes.add(load(n)));
    return classes;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, true, ScreenNames.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Cannot load " + name, e);
    }
  }
}
