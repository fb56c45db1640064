package dev.lethe.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.ledger.Ledger;
import dev.lethe.server.config.Databases;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The service over real HTTP on a random port, with Lethe's state and the demo platform in H2. */
class ServerH2Test {

  static final String SECRET = "test-app-secret-0123";
  private static final Pattern CODE =
      Pattern.compile("\"confirmation_code\"\\s*:\\s*\"([A-Z0-9]+)\"");

  private static ConfigurableApplicationContext app;
  private static Databases databases;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("lethe-server-test");
    String name = UUID.randomUUID().toString();
    app =
        SpringApplication.run(
            LetheServer.class,
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--lethe.demo=true",
            "--lethe.data-dir=" + dir,
            "--lethe.state.url=jdbc:h2:mem:state-" + name + ";DB_CLOSE_DELAY=-1",
            "--lethe.host.url=jdbc:h2:mem:host-" + name + ";DB_CLOSE_DELAY=-1",
            "--lethe.host.files=" + dir.resolve("files"),
            "--lethe.meta.apps[0].name=crm",
            "--lethe.meta.apps[0].secret=" + SECRET,
            "--lethe.execution.polling-interval=200ms",
            "--lethe.execution.retry-backoff=1s");
    databases = app.getBean(Databases.class);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void a_signed_callback_is_answered_at_once_and_the_meta_users_channels_are_erased()
      throws Exception {
    String user = metaUserWithChannels(0);
    assertThat(channelsOf(user)).isPositive();

    HttpResponse<String> answer = dataDeletion(signedNow(user));

    assertThat(answer.statusCode()).isEqualTo(200);
    String code = codeIn(answer.body());
    assertThat(answer.body())
        .contains("\"url\":\"" + base() + "/data-deletion/status?id=" + code + "\"");
    String status = awaitCompleted(code);
    assertThat(status).contains("\"entity\":\"channels\"");
    assertThat(channelsOf(user)).isZero();
    Ledger ledger = app.getBean(Ledger.class);
    assertThat(ledger.verify().intact()).isTrue();
    assertThat(ledger.head().seq()).isPositive();
    assertThat(ledger.find(ledger.head().seq()).orElseThrow().body()).doesNotContain(user);
    HttpResponse<String> page = get("/data-deletion/status?id=" + code.toLowerCase(), "*/*");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("completed", "What was deleted", "channels")
        .doesNotContain(user);
  }

  @Test
  void the_same_signed_request_twice_gets_the_same_code_and_makes_one_request() throws Exception {
    String signed = signedNow("7100000000001");
    long before = requestCount();

    String first = codeIn(dataDeletion(signed).body());
    String second = codeIn(dataDeletion(signed).body());

    assertThat(second).isEqualTo(first);
    assertThat(requestCount()).isEqualTo(before + 1);
  }

  @Test
  void refused_signed_requests_are_problems_naming_the_reason_and_nothing_is_stored()
      throws Exception {
    String good = signedNow("7100000000002");
    long stale = Instant.now().minus(Duration.ofHours(2)).getEpochSecond();
    long before = requestCount();

    HttpResponse<String> badSignature =
        dataDeletion(
            MetaSigning.signedRequest(
                "another-secret-0001", "7100000000002", Instant.now().getEpochSecond()));
    HttpResponse<String> threeParts = dataDeletion(good + ".x");
    HttpResponse<String> old =
        dataDeletion(MetaSigning.signedRequest(SECRET, "7100000000002", stale));
    HttpResponse<String> missing = post("/api/data-deletion", "other=1");

    for (HttpResponse<String> refused : List.of(badSignature, threeParts, old, missing)) {
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(refused.body())
          .doesNotContain("7100000000002")
          .doesNotContain(good.substring(0, 20));
    }
    assertThat(badSignature.body()).contains("\"reason\":\"bad_signature\"");
    assertThat(threeParts.body()).contains("\"reason\":\"malformed\"");
    assertThat(old.body()).contains("\"reason\":\"stale\"");
    assertThat(missing.body()).contains("\"reason\":\"missing\"");
    assertThat(requestCount()).isEqualTo(before);
    assertThat(get("/actuator/prometheus", "text/plain").body())
        .contains(
            "lethe_meta_callbacks_total{callback=\"data_deletion\",outcome=\"bad_signature\"");
  }

  @Test
  void a_deauthorize_callback_is_recorded_and_answered_with_no_content() throws Exception {
    long before = requestCount();

    HttpResponse<String> answer =
        post("/api/meta/deauthorize", "signed_request=" + encode(signedNow("7100000000003")));

    assertThat(answer.statusCode()).isEqualTo(204);
    assertThat(requestCount()).isEqualTo(before + 1);
  }

  @Test
  void an_unknown_or_malformed_code_is_unknown_never_deleted() throws Exception {
    for (String code : List.of("0123456789ABCDEFGHJKMNPQ", "not a code!", "")) {
      String query = "/data-deletion/status?id=" + encode(code);
      HttpResponse<String> html = get(query, "text/html");
      HttpResponse<String> json = get(query, "application/json");

      assertThat(html.statusCode()).isEqualTo(404);
      assertThat(html.body()).contains("unknown").doesNotContainIgnoringCase("deleted");
      assertThat(json.statusCode()).isEqualTo(404);
      assertThat(json.body()).contains("unknown").doesNotContainIgnoringCase("deleted");
      assertThat(json.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
  }

  @Test
  void the_health_endpoint_is_up() throws Exception {
    HttpResponse<String> health = get("/actuator/health", "application/json");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  private String awaitCompleted(String code) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    String body = "";
    while (Instant.now().isBefore(deadline)) {
      body = get("/data-deletion/status?id=" + code, "application/json").body();
      if (body.contains("\"state\":\"completed\"")) {
        return body;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not completed in time: " + body);
  }

  private String signedNow(String user) {
    return MetaSigning.signedRequest(SECRET, user, Instant.now().getEpochSecond());
  }

  private HttpResponse<String> dataDeletion(String signedRequest) throws Exception {
    return post("/api/data-deletion", "signed_request=" + encode(signedRequest));
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", accept).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String base() {
    return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
  }

  private static String codeIn(String body) {
    Matcher matcher = CODE.matcher(body);
    assertThat(matcher.find()).as("a confirmation code in %s", body).isTrue();
    return matcher.group(1);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private String metaUserWithChannels(int index) throws SQLException {
    List<String> users = new ArrayList<>();
    query(
        databases.hostDataSource(),
        "select distinct connected_by_meta_user_id from channels"
            + " where connected_by_meta_user_id is not null order by 1",
        rows -> {
          while (rows.next()) {
            users.add(rows.getString(1));
          }
        });
    return users.get(index);
  }

  private long channelsOf(String user) throws SQLException {
    long[] count = new long[1];
    query(
        databases.hostDataSource(),
        "select count(*) from channels where connected_by_meta_user_id = '" + user + "'",
        rows -> {
          rows.next();
          count[0] = rows.getLong(1);
        });
    return count[0];
  }

  private long requestCount() throws SQLException {
    long[] count = new long[1];
    query(
        databases.stateDataSource(),
        "select count(*) from lethe_requests",
        rows -> {
          rows.next();
          count[0] = rows.getLong(1);
        });
    return count[0];
  }

  interface Rows {
    void read(ResultSet rows) throws SQLException;
  }

  private static void query(DataSource dataSource, String sql, Rows reader) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      reader.read(rows);
    }
  }
}
