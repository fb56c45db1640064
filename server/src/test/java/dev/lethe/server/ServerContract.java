package dev.lethe.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.ledger.Ledger;
import dev.lethe.platform.generator.PlatformGenerator.Sizes;
import dev.lethe.platform.testing.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service over real HTTP on a random port, with Lethe's state and the host each in a database
 * of their own; one subclass per database product.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerContract {

  @TempDir static Path dir;

  private TestDatabase state;
  private TestDatabase host;
  private RunningServer server;
  private ServiceClient client;

  abstract TestDatabase.Kind kind();

  /**
   * Creates and fills the host before the service starts; returns arguments to add, if any.
   * Subclasses may leave the host to the service instead (the demo fills its own).
   */
  List<String> prepareHost(TestDatabase host, Path files) {
    SampleHost.fill(host.dataSource(), Sizes.small(), files);
    return List.of();
  }

  @BeforeAll
  void start() {
    state = TestDatabase.create(kind());
    host = TestDatabase.create(kind());
    Path files = dir.resolve("files");
    List<String> arguments = ServerArguments.of(state, host, files, dir);
    arguments.addAll(prepareHost(host, files));
    server = RunningServer.start(arguments);
    client = server.client();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (host != null) {
      host.close();
    }
    if (state != null) {
      state.close();
    }
  }

  @Test
  void a_signed_callback_is_answered_at_once_and_the_meta_users_channels_are_erased() {
    String user = SampleHost.metaUsersWithChannels(host.dataSource()).getFirst();
    assertThat(SampleHost.channelsOf(host.dataSource(), user)).isPositive();

    HttpResponse<String> answer = client.dataDeletion(MetaSigning.signedNow(user));

    assertThat(answer.statusCode()).isEqualTo(200);
    String code = ServiceClient.codeIn(answer.body());
    assertThat(answer.body())
        .contains("\"url\":\"" + client.base() + "/data-deletion/status?id=" + code + "\"");
    String status = client.awaitCompleted(code, Duration.ofSeconds(60));
    assertThat(status).contains("\"entity\":\"channels\"");
    assertThat(SampleHost.channelsOf(host.dataSource(), user)).isZero();
    assertThat(SampleHost.messagesOf(host.dataSource(), user)).isZero();
    Ledger ledger = server.bean(Ledger.class);
    assertThat(ledger.verify().intact()).isTrue();
    assertThat(ledger.head().seq()).isPositive();
    assertThat(ledger.find(ledger.head().seq()).orElseThrow().body()).doesNotContain(user);
    HttpResponse<String> page = client.get("/data-deletion/status?id=" + code.toLowerCase(), "*/*");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("completed", "What was deleted", "channels")
        .doesNotContain(user);
  }

  @Test
  void the_same_signed_request_twice_gets_the_same_code_and_makes_one_request() {
    String signed = MetaSigning.signedNow("7100000000001");
    long before = requestCount();

    String first = ServiceClient.codeIn(client.dataDeletion(signed).body());
    String second = ServiceClient.codeIn(client.dataDeletion(signed).body());

    assertThat(second).isEqualTo(first);
    assertThat(requestCount()).isEqualTo(before + 1);
  }

  @Test
  void a_callback_by_the_wrong_method_type_or_accept_is_a_problem_and_nothing_is_stored() {
    String form = "signed_request=" + ServiceClient.encode(MetaSigning.signedNow("7100000000019"));
    long before = requestCount();

    HttpResponse<String> get = client.send(client.to("/api/data-deletion").GET());
    HttpResponse<String> json =
        client.send(
            client
                .to("/api/data-deletion")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"signed_request\":\"x\"}")));
    HttpResponse<String> xml =
        client.send(
            client
                .to("/api/data-deletion")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(form)));

    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    assertThat(json.statusCode()).isEqualTo(415);
    assertThat(json.headers().firstValue("Accept")).hasValue("application/x-www-form-urlencoded");
    assertThat(xml.statusCode()).isEqualTo(406);
    for (HttpResponse<String> problem : List.of(get, json, xml)) {
      assertThat(problem.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(problem.body()).contains("\"instance\":\"/api/data-deletion\"");
    }
    assertThat(requestCount()).isEqualTo(before);

    // the same form, as Meta sends it, with a charset and the code in the query instead
    HttpResponse<String> charset =
        client.send(
            client
                .to("/api/data-deletion")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    HttpResponse<String> query =
        client.send(
            client
                .to("/api/data-deletion?" + form)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(charset.statusCode()).isEqualTo(200);
    assertThat(charset.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(query.body()).isEqualTo(charset.body());
    assertThat(requestCount()).isEqualTo(before + 1);
  }

  @Test
  void refused_signed_requests_are_problems_naming_the_reason_and_nothing_is_stored() {
    String good = MetaSigning.signedNow("7100000000002");
    long stale = Instant.now().minus(Duration.ofHours(2)).getEpochSecond();
    long before = requestCount();

    HttpResponse<String> badSignature =
        client.dataDeletion(
            MetaSigning.signedRequest(
                "another-secret-0001", "7100000000002", Instant.now().getEpochSecond()));
    HttpResponse<String> threeParts = client.dataDeletion(good + ".x");
    HttpResponse<String> old =
        client.dataDeletion(
            MetaSigning.signedRequest(MetaSigning.APP_SECRET, "7100000000002", stale));
    HttpResponse<String> missing = client.post("/api/data-deletion", "other=1");

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
    assertThat(client.get("/actuator/prometheus", "text/plain").body())
        .contains(
            "lethe_meta_callbacks_total{callback=\"data_deletion\",outcome=\"bad_signature\"");
  }

  @Test
  void a_deauthorize_callback_is_recorded_and_answered_with_no_content() {
    long before = requestCount();

    HttpResponse<String> answer =
        client.post(
            "/api/meta/deauthorize",
            "signed_request=" + ServiceClient.encode(MetaSigning.signedNow("7100000000003")));

    assertThat(answer.statusCode()).isEqualTo(204);
    assertThat(requestCount()).isEqualTo(before + 1);
  }

  @Test
  void an_unknown_or_malformed_code_is_unknown_never_deleted() {
    for (String code : List.of("0123456789ABCDEFGHJKMNPQ", "not a code!", "")) {
      String query = "/data-deletion/status?id=" + ServiceClient.encode(code);
      HttpResponse<String> html = client.get(query, "text/html");
      HttpResponse<String> json = client.get(query, "application/json");

      assertThat(html.statusCode()).isEqualTo(404);
      assertThat(html.body()).contains("unknown").doesNotContainIgnoringCase("deleted");
      assertThat(json.statusCode()).isEqualTo(404);
      assertThat(json.body()).contains("unknown").doesNotContainIgnoringCase("deleted");
      assertThat(json.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
  }

  @Test
  void the_health_endpoint_is_up() {
    HttpResponse<String> health = client.get("/actuator/health", "application/json");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  private long requestCount() {
    return Sql.count(state.dataSource(), "select count(*) from lethe_requests");
  }
}
