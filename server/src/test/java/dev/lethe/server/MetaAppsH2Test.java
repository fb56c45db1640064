package dev.lethe.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several Meta apps behind one callback URL, one of them rotating its secret: each app's current
 * secret verifies, the rotating app's previous secret still does, and any other secret is refused.
 */
class MetaAppsH2Test {

  static RunningServer server;

  @BeforeAll
  static void start() throws Exception {
    server =
        RunningServer.demo(
            "--lethe.meta.apps[0].name=crm",
            "--lethe.meta.apps[0].secret=crm-app-secret-current",
            "--lethe.meta.apps[1].name=inbox",
            "--lethe.meta.apps[1].secret=inbox-secret-2026-11",
            "--lethe.meta.apps[1].previous-secret=inbox-secret-2026-05",
            "--lethe.retention.enabled=false");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> callback(String secret, String user) {
    String signed = MetaSigning.signedRequest(secret, user, Instant.now().getEpochSecond());
    return server.form(
        "/api/data-deletion",
        "signed_request=" + URLEncoder.encode(signed, StandardCharsets.UTF_8));
  }

  @Test
  void each_apps_secret_and_a_rotating_apps_previous_secret_verify() {
    assertThat(callback("crm-app-secret-current", "8100000000001").statusCode()).isEqualTo(200);
    assertThat(callback("inbox-secret-2026-11", "8100000000002").statusCode()).isEqualTo(200);
    assertThat(callback("inbox-secret-2026-05", "8100000000003").statusCode()).isEqualTo(200);

    HttpResponse<String> other = callback("inbox-secret-2025-11", "8100000000004");
    assertThat(other.statusCode()).isEqualTo(400);
    assertThat(other.body()).contains("\"reason\":\"bad_signature\"");
  }

  @Test
  void the_event_of_a_callback_names_the_app_that_signed_it() {
    String code =
        callback("inbox-secret-2026-05", "8100000000005")
            .body()
            .replaceAll(".*\"confirmation_code\":\"([0-9A-Z]+)\".*", "$1");

    Object actor =
        Sql.firstValues(
                server.state(),
                "SELECT e.actor FROM lethe_request_events e JOIN lethe_requests r"
                    + " ON r.id = e.request_id WHERE r.confirmation_code = ? ORDER BY e.id",
                code)
            .get(0);
    assertThat(actor).isEqualTo("meta:inbox");
  }
}
