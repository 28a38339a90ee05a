package io.authflow.e2e.parts;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpClientSelectorsTest {
  private HttpServer server;
  private URI uri;

  @BeforeEach
  void serve() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void endsTheSelectorThreadOfAClientThatWasUsedAndLeavesNewClientsWorking() throws Exception {
    HttpClient used = HttpClient.newHttpClient();
    assertThat(get(used)).isEqualTo(204);

    List<Thread> stopped = HttpClientSelectors.stopAll();

    assertThat(stopped).isNotEmpty();
    for (Thread selector : stopped) {
      selector.join(5_000);
    }
    assertThat(stopped).noneMatch(Thread::isAlive);
    assertThat(get(HttpClient.newHttpClient())).isEqualTo(204);
  }

  @Test
  void leavesAThreadOfTheSameNameButAnotherClassRunning() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    Thread other =
        new Thread(
            () -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                interrupted.set(true);
              }
            },
            "HttpClient-0-SelectorManager");
    other.start();
    try {
      assertThat(HttpClientSelectors.stopAll()).doesNotContain(other);
    } finally {
      release.countDown();
      other.join(5_000);
    }
    assertThat(interrupted).isFalse();
  }

  private int get(HttpClient client) throws Exception {
    return client
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
