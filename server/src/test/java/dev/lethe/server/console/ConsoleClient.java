package dev.lethe.server.console;

import dev.lethe.server.RunningServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser without a browser: the console over HTTP, with its own cookies and CSRF token. */
final class ConsoleClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final RunningServer server;
  private final HttpClient http;
  private String csrf = "";
  private String language = "en";

  ConsoleClient(RunningServer server) {
    this.server = server;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Sends {@code Accept-Language: language} from now on ({@code en} until then). */
  ConsoleClient speaking(String language) {
    this.language = language;
    return this;
  }

  /** Signs in; the answer is the redirect (to the console, or back to the sign-in page). */
  HttpResponse<String> signIn(String name, String password) {
    get("/admin/login");
    return postWithToken("/admin/login", "name=" + encode(name) + "&password=" + encode(password));
  }

  HttpResponse<String> get(String path) {
    HttpResponse<String> page = send(server.to(path).header("Accept-Language", language).GET());
    Matcher token = CSRF.matcher(page.body());
    if (token.find()) {
      csrf = token.group(1);
    }
    return page;
  }

  /** Posts a form with the CSRF token of the last page read. */
  HttpResponse<String> postWithToken(String path, String form) {
    return post(path, form + (form.isEmpty() ? "" : "&") + "_csrf=" + encode(csrf));
  }

  /** Posts a form as it is: without a token unless it carries one. */
  HttpResponse<String> post(String path, String form) {
    return send(
        server
            .to(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept-Language", language)
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** Posts a file as a browser's multipart form does, with the CSRF token of the last page. */
  HttpResponse<String> postFile(String path, String field, String filename, byte[] content) {
    String boundary = "----console-test-" + System.nanoTime();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
            + csrf
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + filename
            + "\"\r\nContent-Type: text/csv\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    byte[] body = new byte[0];
    try (var out = new java.io.ByteArrayOutputStream()) {
      out.write(head.getBytes(StandardCharsets.UTF_8));
      out.write(content);
      out.write(tail.getBytes(StandardCharsets.UTF_8));
      body = out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return send(
        server
            .to(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept-Language", language)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
