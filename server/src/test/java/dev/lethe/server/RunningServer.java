package dev.lethe.server;

import dev.lethe.server.config.Databases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service started in this JVM on a random port, talked to over real HTTP: JSON with an API key,
 * forms, pages; and SQL on its two databases for what the answers do not show.
 */
public final class RunningServer implements AutoCloseable {

  private final ConfigurableApplicationContext app;
  private final HttpClient http = HttpClient.newHttpClient();

  private RunningServer(ConfigurableApplicationContext app) {
    this.app = app;
  }

  public static RunningServer start(String... args) {
    return start(List.of(args));
  }

  public static RunningServer start(List<String> args) {
    List<String> all = new ArrayList<>(args);
    all.add("--server.port=0");
    if (args.stream().noneMatch(a -> a.startsWith("--server.address="))) {
      all.add("--server.address=127.0.0.1");
    }
    return new RunningServer(SpringApplication.run(LetheServer.class, all.toArray(String[]::new)));
  }

  /**
   * The demo as tests run it: the sample platform and Lethe's state each in a private in-memory H2
   * database, files and secrets in a fresh directory, quick polling and retries; {@code extra}
   * settings (Meta apps, an API key …) on top.
   */
  public static RunningServer demo(String... extra) {
    Path dir;
    try {
      dir = Files.createTempDirectory("lethe-demo-test");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String name = UUID.randomUUID().toString();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--lethe.demo=true",
                "--lethe.data-dir=" + dir,
                "--lethe.state.url=jdbc:h2:mem:state-" + name + ";DB_CLOSE_DELAY=-1",
                "--lethe.host.url=jdbc:h2:mem:host-" + name + ";DB_CLOSE_DELAY=-1",
                "--lethe.host.files=" + dir.resolve("files"),
                "--lethe.execution.polling-interval=200ms",
                "--lethe.execution.retry-backoff=1s"));
    args.addAll(List.of(extra));
    return start(args);
  }

  /**
   * Contacts of the sample platform with an address unique in their workspace: workspace, e-mail.
   */
  public List<List<Object>> contactsWithUniqueAddresses() {
    return Sql.values(
        host(),
        "SELECT workspace_id, email FROM contacts WHERE email IS NOT NULL"
            + " GROUP BY workspace_id, email HAVING COUNT(*) = 1 ORDER BY workspace_id, email");
  }

  /** A client of the forms and pages people and Meta use. */
  ServiceClient client() {
    return new ServiceClient(base());
  }

  public <T> T bean(Class<T> type) {
    return app.getBean(type);
  }

  /** Every bean of the type, by name. */
  public <T> Map<String, T> beans(Class<T> type) {
    return app.getBeansOfType(type);
  }

  public String base() {
    return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder to(String path) {
    return HttpRequest.newBuilder(URI.create(base() + path));
  }

  public HttpResponse<String> get(String path, String key) {
    HttpRequest.Builder request = to(path).header("Accept", "application/json").GET();
    return send(key == null ? request : request.header("Authorization", "Bearer " + key));
  }

  public HttpResponse<String> post(String path, String key, String json) {
    HttpRequest.Builder request =
        to(path)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    return send(key == null ? request : request.header("Authorization", "Bearer " + key));
  }

  public HttpResponse<String> form(String path, String form) {
    return send(
        to(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** Polls {@code path} until its body satisfies {@code done}; fails after a minute. */
  public String await(String path, String key, Predicate<String> done) {
    return Await.value(
        path + " as expected",
        Duration.ofMinutes(1),
        () -> {
          String body = get(path, key).body();
          return done.test(body) ? body : null;
        });
  }

  public DataSource host() {
    return bean(Databases.class).hostDataSource();
  }

  public DataSource state() {
    return bean(Databases.class).stateDataSource();
  }

  @Override
  public void close() {
    app.close();
  }
}
