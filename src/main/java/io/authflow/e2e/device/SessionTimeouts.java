package io.authflow.e2e.device;

import java.time.Duration;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.remote.http.HttpClient;
import org.openqa.selenium.remote.http.HttpMethod;
import org.openqa.selenium.remote.http.HttpRequest;
import org.openqa.selenium.remote.http.HttpResponse;
import org.openqa.selenium.remote.http.WebSocket;

/**
 * WebDriver's HTTP clients with two read timeouts: starting a session may take as long as
 * timeouts.session (a farm finds and boots a device), every other command as long as timeouts.api,
 * so a server that stops answering mid-scenario fails the step in seconds, not minutes.
 */
final class SessionTimeouts implements HttpClient.Factory {
  private final HttpClient.Factory clients = HttpClient.Factory.createDefault();
  private final Duration newSession;
  private final Duration command;

  SessionTimeouts(Duration newSession, Duration command) {
    this.newSession = newSession;
    this.command = command;
  }

  @Override
  public HttpClient createClient(ClientConfig config) {
    HttpClient starting = clients.createClient(config.readTimeout(newSession));
    HttpClient commands = clients.createClient(config.readTimeout(command));
    return new HttpClient() {
      @Override
      public HttpResponse execute(HttpRequest request) {
        return isNewSession(request) ? starting.execute(request) : commands.execute(request);
      }

      @Override
      public <T> java.net.http.HttpResponse<T> sendNative(
          java.net.http.HttpRequest request, java.net.http.HttpResponse.BodyHandler<T> handler)
          throws java.io.IOException, InterruptedException {
        return commands.sendNative(request, handler);
      }

      @Override
      public <T>
          java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<T>> sendAsyncNative(
              java.net.http.HttpRequest request,
              java.net.http.HttpResponse.BodyHandler<T> handler) {
        return commands.sendAsyncNative(request, handler);
      }

      @Override
      public WebSocket openSocket(HttpRequest request, WebSocket.Listener listener) {
        return commands.openSocket(request, listener);
      }

      @Override
      public void close() {
        starting.close();
        commands.close();
      }
    };
  }

  @Override
  public void cleanupIdleClients() {
    clients.cleanupIdleClients();
  }

  static boolean isNewSession(HttpRequest request) {
    return request.getMethod() == HttpMethod.POST && request.getUri().matches(".*/session/?$");
  }
}
