package dev.lethe.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.server.RunningServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With retention sweeps switched off, the retention page says so and "run now" is refused. */
class ConsoleRetentionOffH2Test {

  static final String ADMIN_PASSWORD = "admin-password-for-tests";
  static RunningServer server;

  @BeforeAll
  static void start() {
    server =
        RunningServer.demo(
            "--lethe.console.admin-password=" + ADMIN_PASSWORD, "--lethe.retention.enabled=false");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void run_now_is_refused_with_the_reason_while_sweeps_are_switched_off() {
    ConsoleClient admin = new ConsoleClient(server);
    admin.signIn(FirstAdmin.NAME, ADMIN_PASSWORD);

    HttpResponse<String> page = admin.get("/admin/retention");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("retention sweeps are switched off").doesNotContain("Run now");

    HttpResponse<String> refused = admin.postWithToken("/admin/retention/run", "");

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body())
        .contains("role=\"alert\"")
        .contains("retention sweeps are switched off")
        .doesNotContain("Exception");
  }
}
