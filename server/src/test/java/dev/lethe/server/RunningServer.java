package dev.lethe.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.server.config.Databases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    List<String> all = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1"));
    all.addAll(List.of(args));
    return new RunningServer(SpringApplication.run(LetheServer.class, all.toArray(String[]::new)));
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
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    String body = "";
    while (Instant.now().isBefore(deadline)) {
      body = get(path, key).body();
      if (done.test(body)) {
        return body;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("not reached within a minute: " + body);
  }

  public DataSource host() {
    return bean(Databases.class).hostDataSource();
  }

  public DataSource state() {
    return bean(Databases.class).stateDataSource();
  }

  /** The first row of a query, as a list of values. */
  public static List<Object> row(DataSource db, String sql, Object... args) {
    List<List<Object>> rows = rows(db, sql, args);
    assertThat(rows).as("a row for %s", sql).isNotEmpty();
    return rows.get(0);
  }

  public static List<List<Object>> rows(DataSource db, String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      List<List<Object>> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.add(rs.getObject(i));
          }
          out.add(row);
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static long count(DataSource db, String sql, Object... args) {
    return ((Number) row(db, sql, args).get(0)).longValue();
  }

  @Override
  public void close() {
    app.close();
  }
}
