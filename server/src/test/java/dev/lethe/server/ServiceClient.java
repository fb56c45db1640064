package dev.lethe.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Talks to a running service over real HTTP, as Meta and people's browsers do. */
final class ServiceClient {

  private static final Pattern CODE =
      Pattern.compile("\"confirmation_code\"\\s*:\\s*\"([A-Z0-9]+)\"");

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ServiceClient(String base) {
    this.base = base;
  }

  String base() {
    return base;
  }

  HttpResponse<String> dataDeletion(String signedRequest) {
    return post("/api/data-deletion", "signed_request=" + encode(signedRequest));
  }

  HttpResponse<String> post(String path, String form) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  /** Sends {@code request} (built on {@link #to}) as it is. */
  HttpResponse<String> send(HttpRequest.Builder request) {
    return send(request.build());
  }

  HttpRequest.Builder to(String path) {
    return HttpRequest.newBuilder(URI.create(base + path));
  }

  HttpResponse<String> get(String path, String accept) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build());
  }

  /** The status page's JSON once the request is completed; fails after {@code patience}. */
  String awaitCompleted(String code, Duration patience) {
    return Await.value(
        "request " + code + " completed",
        patience,
        () -> {
          String body = get("/data-deletion/status?id=" + code, "application/json").body();
          return body.contains("\"state\":\"completed\"") ? body : null;
        });
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String codeIn(String body) {
    Matcher matcher = CODE.matcher(body);
    assertThat(matcher.find()).as("a confirmation code in %s", body).isTrue();
    return matcher.group(1);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
