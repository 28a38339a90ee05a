package io.authflow.e2e.run;

import io.authflow.e2e.config.TargetConfig;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.openqa.selenium.WebDriver;

/**
 * Kept app sessions that outlive a run, for the next run in the same JVM (the rehearsal stack's
 * warm JVM, whose reruns each load the harness afresh): one shelf per target, so a rerun whose
 * config asks for other capabilities starts its own. The map is the JVM's, typed by the JDK alone,
 * because the runs' classes are each loaded anew and only the libraries' (WebDriver) are shared.
 */
public record SessionShelves(Map<String, Object> byTarget) {
  @SuppressWarnings("unchecked") // Only this class puts values in, all of them shelves.
  Deque<WebDriver> of(TargetConfig target) {
    return (Deque<WebDriver>) byTarget.computeIfAbsent(target.toString(), t -> new ArrayDeque<>());
  }
}
