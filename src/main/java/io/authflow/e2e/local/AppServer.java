package io.authflow.e2e.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Serves an app's static browser build (local.appBuild or its profile's localBuild: an Expo or a
 * Vite dist/), as it is: the app calls the pool its own amplify_outputs.json names. Unknown paths
 * get index.html: the app routes them itself, as a deep link would.
 */
final class AppServer extends StackPart {
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "json", "application/json",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon");

  private final Path dist;
  private HttpServer server;
  private Writer accessLog;

  AppServer(Path dist, Path logDir) {
    super("app", logDir);
    this.dist = dist.toAbsolutePath().normalize();
  }

  @Override
  public void start() {
    if (!Files.isRegularFile(dist.resolve("index.html"))) {
      throw failed(
          dist
              + "/index.html is missing: the local apps are built by 'mvn test' / 'mvn verify'"
              + " (src/local/prepare.sh); your own app's static web build (npx expo export"
              + " --platform web, vite build) goes in local.appBuild.",
          null);
    }
    try {
      Files.createDirectories(log().getParent());
      accessLog = Files.newBufferedWriter(log(), StandardCharsets.UTF_8);
      // Port 0: the system picks a free port as it binds, so no other process can take it first.
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", this::serve);
      server.start();
    } catch (IOException e) {
      throw failed(e.getMessage(), e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Path file = dist.resolve(path.substring(1)).normalize();
    if (!file.startsWith(dist) || !Files.isRegularFile(file)) {
      file = dist.resolve("index.html");
    }
    byte[] body = Files.readAllBytes(file);
    String name = file.getFileName().toString();
    String type =
        TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
    synchronized (this) {
      accessLog.write(Instant.now() + " " + exchange.getRequestMethod() + " " + path + " 200\n");
      accessLog.flush();
    }
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
    try {
      if (accessLog != null) {
        accessLog.close();
      }
    } catch (IOException e) {
      // The log is best effort; stopping must go on.
    }
  }
}
