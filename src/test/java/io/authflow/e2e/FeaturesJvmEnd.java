package io.authflow.e2e;

import io.authflow.e2e.parts.HttpClientSelectors;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * In the features' JVM, as JUnit's launcher closes (every scenario, hook and report done, nothing
 * left to ask over HTTP): the JDK HttpClients' selector threads are stopped, so the JVM exits at
 * once rather than about 0.3 s later ({@link HttpClientSelectors}). Other JVMs (mvn test, the warm
 * JVM, whose kept session goes on to the next rerun) lack the property and ignore it.
 */
public final class FeaturesJvmEnd implements LauncherSessionListener {
  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (Boolean.getBoolean(StackStartsWithThePlan.FEATURES_JVM)) {
      HttpClientSelectors.stopAll();
    }
  }
}
