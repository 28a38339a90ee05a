package io.authflow.e2e.parts;

import java.util.List;

/**
 * The selector threads of the JDK's HttpClients (Selenium's, the preflight's): each client keeps
 * one, waiting in native code (epoll) until the client is garbage-collected, as Java 17's
 * HttpClient has no close(). A JVM that exits with a thread in native code waits about 300 ms for
 * it to leave (HotSpot's VM_Exit), so every features' JVM ended that much later than its run.
 */
public final class HttpClientSelectors {
  static final String SELECTOR_CLASS = "jdk.internal.net.http.HttpClientImpl$SelectorManager";

  private HttpClientSelectors() {}

  /**
   * Interrupts every JDK HttpClient's selector thread, which ends it and its client: only once this
   * JVM makes no more HTTP calls. Returns the threads, ending.
   */
  public static List<Thread> stopAll() {
    List<Thread> selectors =
        Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> thread.getClass().getName().equals(SELECTOR_CLASS))
            .toList();
    selectors.forEach(Thread::interrupt);
    return selectors;
  }
}
