package io.authflow.e2e.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.authflow.e2e.config.TargetConfig.Credentials;
import io.authflow.e2e.config.TargetConfig.Farm;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Uploads a local .apk/.ipa to the farm's app storage through its REST API and returns what the
 * session's app capability takes: BrowserStack {@code bs://…}, Sauce Labs {@code storage:<id>},
 * LambdaTest {@code lt://…}. The base URL is a parameter so tests can point it at a stand-in.
 */
public final class AppUploader {
  public static final URI BROWSERSTACK = URI.create("https://api-cloud.browserstack.com");
  public static final URI SAUCELABS = URI.create("https://api.us-west-1.saucelabs.com");
  public static final URI LAMBDATEST = URI.create("https://manual-api.lambdatest.com");

  private final Farm farm;
  private final URI base;
  private final Credentials credentials;
  private final Duration timeout;
  private final HttpClient http;

  public AppUploader(Farm farm, URI base, Credentials credentials, Duration timeout) {
    this.farm = farm;
    this.base = base;
    this.credentials = credentials;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** The uploader for a farm's public API. */
  public static AppUploader forFarm(Farm farm, Credentials credentials, Duration timeout) {
    URI base =
        switch (farm) {
          case BROWSERSTACK -> BROWSERSTACK;
          case SAUCELABS -> SAUCELABS;
          case LAMBDATEST -> LAMBDATEST;
          default -> throw new IllegalArgumentException(farm.configName() + " takes no uploads");
        };
    return new AppUploader(farm, base, credentials, timeout);
  }

  public String upload(Path app) {
    URI url = base.resolve(path());
    HttpResponse<String> response;
    try {
      Multipart body = new Multipart();
      body.file(fileField(), app);
      if (farm != Farm.BROWSERSTACK) {
        body.field("name", app.getFileName().toString());
      }
      HttpRequest request =
          HttpRequest.newBuilder(url)
              .timeout(timeout)
              .header("Authorization", basicAuth())
              .header("Content-Type", body.contentType())
              .POST(body.body())
              .build();
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw failed(app, url, "no answer within " + timeout.toSeconds() + "s", null);
    } catch (ConnectException e) {
      throw failed(app, url, "the connection was refused or could not be made", e);
    } catch (IOException e) {
      throw failed(app, url, String.valueOf(e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(app, url, "interrupted", e);
    }
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw failed(
          app,
          url,
          "HTTP "
              + response.statusCode()
              + ": the farm refused the credentials from "
              + credentials.usernameVariable()
              + " / "
              + credentials.accessKeyVariable()
              + "; check both variables",
          null);
    }
    if (response.statusCode() / 100 != 2) {
      throw failed(
          app, url, "HTTP " + response.statusCode() + ": " + excerpt(response.body()), null);
    }
    return reference(app, url, response.body());
  }

  private String path() {
    return switch (farm) {
      case BROWSERSTACK -> "/app-automate/upload";
      case SAUCELABS -> "/v1/storage/upload";
      case LAMBDATEST -> "/app/upload/realDevice";
      default -> throw new IllegalStateException(farm.configName() + " takes no uploads");
    };
  }

  /** Each API names the file part differently. */
  private String fileField() {
    return switch (farm) {
      case SAUCELABS -> "payload";
      case LAMBDATEST -> "appFile";
      default -> "file";
    };
  }

  private String reference(Path app, URI url, String body) {
    try {
      JsonNode json = new ObjectMapper().readTree(body);
      String value =
          farm == Farm.SAUCELABS
              ? json.path("item").path("id").asText("")
              : json.path("app_url").asText("");
      if (value.isEmpty()) {
        throw failed(
            app,
            url,
            "the answer has no "
                + (farm == Farm.SAUCELABS ? "item.id" : "app_url")
                + ": "
                + excerpt(body),
            null);
      }
      return farm == Farm.SAUCELABS ? "storage:" + value : value;
    } catch (IOException e) {
      throw failed(app, url, "the answer is not JSON: " + excerpt(body), e);
    }
  }

  private String basicAuth() {
    String pair = credentials.username() + ":" + credentials.accessKey();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private String excerpt(String body) {
    String key = credentials.accessKey();
    String text = key.isEmpty() ? body : body.replace(key, "***");
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  private SessionStartException failed(Path app, URI url, String why, Throwable cause) {
    return new SessionStartException(
        "Uploading "
            + app
            + " to "
            + farm.configName()
            + " (POST "
            + url
            + ") failed: "
            + why
            + ". Set target.app to a reference the farm already holds to skip the upload.",
        cause);
  }

  /** multipart/form-data with one file part and plain fields; the file is streamed, not read. */
  private static final class Multipart {
    private final String boundary = "authflow-" + UUID.randomUUID();
    private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

    void field(String name, String value) {
      parts.add(
          text(
              "--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + name
                  + "\"\r\n\r\n"
                  + value
                  + "\r\n"));
    }

    void file(String name, Path file) throws IOException {
      parts.add(
          text(
              "--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + name
                  + "\"; filename=\""
                  + file.getFileName()
                  + "\"\r\n"
                  + "Content-Type: application/octet-stream\r\n\r\n"));
      parts.add(HttpRequest.BodyPublishers.ofFile(file));
      parts.add(text("\r\n"));
    }

    HttpRequest.BodyPublisher body() {
      List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
      all.add(text("--" + boundary + "--\r\n"));
      return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
    }

    String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }

    private static HttpRequest.BodyPublisher text(String text) {
      return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }
  }
}
