package dev.lethe.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.request.Actor;
import dev.lethe.server.RunningServer;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Sessions and sign-in limits with short settings: an idle session ends after the configured
 * timeout, and after the configured number of wrong passwords sign-ins are refused, the right
 * password too. The lockout covers the client address, so it is tested last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleSessionH2Test {

  static final String PASSWORD = ConsoleH2Test.PASSWORD;
  static RunningServer server;

  @BeforeAll
  static void start() {
    server =
        RunningServer.demo(
            "--lethe.console.admin-password=admin-password-for-tests",
            "--lethe.console.session-timeout=2s",
            "--lethe.console.max-failed-logins=3",
            "--lethe.console.lockout=10m");
    Operators operators = server.bean(Operators.class);
    operators.add(
        ConsoleH2Test.operator("olivia", Role.PRIVACY_OPERATOR, Set.of()), Actor.system());
    operators.add(ConsoleH2Test.operator("lena", Role.AUDITOR, Set.of()), Actor.system());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @Order(1)
  void an_idle_session_ends_after_the_configured_timeout() throws InterruptedException {
    ConsoleClient olivia = new ConsoleClient(server);
    olivia.signIn("olivia", PASSWORD);
    assertThat(olivia.get("/admin").statusCode()).isEqualTo(200);
    Thread.sleep(1_000);
    assertThat(olivia.get("/admin").statusCode()).as("a page keeps it alive").isEqualTo(200);

    Thread.sleep(3_000);
    HttpResponse<String> later = olivia.get("/admin");

    assertThat(later.statusCode()).isEqualTo(302);
    assertThat(later.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login");
  }

  @Test
  @Order(2)
  void sign_ins_are_refused_after_the_configured_number_of_wrong_passwords() {
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> wrong = new ConsoleClient(server).signIn("lena", "wrong-password-" + i);
      assertThat(wrong.headers().firstValue("Location").orElseThrow())
          .as("attempt " + i)
          .endsWith("?error");
    }

    ConsoleClient client = new ConsoleClient(server);
    HttpResponse<String> right = client.signIn("lena", PASSWORD);

    assertThat(right.headers().firstValue("Location").orElseThrow())
        .endsWith("/admin/login?locked");
    assertThat(client.get("/admin/login?locked").body()).contains("Too many failed sign-ins");
    assertThat(client.get("/admin").statusCode()).isEqualTo(302);
    HttpResponse<String> other = new ConsoleClient(server).signIn("olivia", PASSWORD);
    assertThat(other.headers().firstValue("Location").orElseThrow())
        .as("the same client address is locked out too")
        .endsWith("?locked");
  }
}
