package dev.lethe.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.request.Actor;
import dev.lethe.server.RunningServer;
import dev.lethe.server.Sql;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console over HTTP: sign-in, roles, CSRF, workspace isolation and the forms' messages. The
 * browser tests drive the same pages in Chromium.
 */
class ConsoleH2Test {

  static final String ADMIN_PASSWORD = "admin-password-for-tests";
  static final String PASSWORD = "operator-password-123";
  static RunningServer server;
  static String workspace;
  static String otherWorkspace;

  @BeforeAll
  static void start() {
    server = RunningServer.demo("--lethe.console.admin-password=" + ADMIN_PASSWORD);
    List<String> workspaces = Sql.strings(server.host(), "SELECT id FROM workspaces ORDER BY id");
    workspace = workspaces.get(0);
    otherWorkspace = workspaces.get(1);
    Operators operators = server.bean(Operators.class);
    operators.add(operator("olivia", Role.PRIVACY_OPERATOR, Set.of()), Actor.system());
    operators.add(operator("audrey", Role.AUDITOR, Set.of()), Actor.system());
    operators.add(operator("wendy", Role.WORKSPACE_ADMIN, Set.of(workspace)), Actor.system());
  }

  static NewOperator operator(String id, Role role, Set<String> workspaces) {
    return new NewOperator(
        id, Optional.of(id + "@example.com"), PASSWORD, role, new TreeSet<>(workspaces));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static ConsoleClient signedIn(String name, String password) {
    ConsoleClient client = new ConsoleClient(server);
    HttpResponse<String> answer = client.signIn(name, password);
    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    return client;
  }

  @Test
  void a_console_page_without_signing_in_leads_to_the_sign_in_page() {
    HttpResponse<String> answer = new ConsoleClient(server).get("/admin/requests");

    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login"));
  }

  @Test
  void a_wrong_password_does_not_sign_in() {
    ConsoleClient client = new ConsoleClient(server);

    HttpResponse<String> answer = client.signIn("olivia", "not-the-password-at-all");

    assertThat(answer.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login?error"));
    assertThat(client.get("/admin").statusCode()).isEqualTo(302);
  }

  @Test
  void the_first_admin_signs_in_with_the_configured_password() {
    ConsoleClient admin = signedIn(FirstAdmin.NAME, ADMIN_PASSWORD);

    HttpResponse<String> dashboard = admin.get("/admin");

    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.body()).contains("Dashboard").contains("<svg");
  }

  @Test
  void a_form_posted_without_the_csrf_token_is_refused() {
    ConsoleClient operator = signedIn("olivia", PASSWORD);
    operator.get("/admin/requests/new");

    HttpResponse<String> answer = operator.post("/admin/requests/new", "scope=contact");

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(operator.postWithToken("/admin/requests/new", "scope=contact").statusCode())
        .isEqualTo(400);
  }

  @Test
  void sign_in_itself_needs_the_csrf_token() {
    ConsoleClient client = new ConsoleClient(server);
    client.get("/admin/login");

    HttpResponse<String> answer = client.post("/admin/login", "name=olivia&password=" + PASSWORD);

    assertThat(answer.statusCode()).as(answer.headers().toString()).isEqualTo(403);
  }

  @Test
  void the_auditor_reads_but_cannot_act() {
    ConsoleClient auditor = signedIn("audrey", PASSWORD);

    HttpResponse<String> queue = auditor.get("/admin/requests");
    assertThat(queue.statusCode()).isEqualTo(200);
    assertThat(auditor.get("/admin/requests/new").statusCode()).isEqualTo(403);

    HttpResponse<String> refused =
        auditor.postWithToken("/admin/requests/new", "scope=contact&workspace=" + workspace);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(auditor.get("/admin/operators").statusCode()).isEqualTo(403);
  }

  @Test
  void the_new_request_form_names_each_field_that_is_wrong() {
    ConsoleClient operator = signedIn("olivia", PASSWORD);
    operator.get("/admin/requests/new");

    HttpResponse<String> answer =
        operator.postWithToken(
            "/admin/requests/new",
            "scope=contact&workspace=&identityKind=email&identityValue=not-an-address"
                + "&verification=email&graceDays=500&source=email&contactEmail=nope");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body())
        .contains("id=\"workspace-error\"")
        .contains("id=\"identity0-error\"")
        .contains("id=\"graceDays-error\"")
        .contains("id=\"contactEmail-error\"")
        .doesNotContain("Exception");
  }

  @Test
  void public_pages_callbacks_and_the_api_keep_working_without_a_session() {
    assertThat(server.get("/actuator/health", null).statusCode()).isEqualTo(200);
    assertThat(server.get("/v1/requests", null).statusCode()).isEqualTo(401);
    assertThat(server.get("/v1/openapi.yaml", null).statusCode()).isEqualTo(200);
    assertThat(server.form("/api/data-deletion", "signed_request=x").statusCode()).isEqualTo(400);
    assertThat(
            server
                .send(server.to("/data-deletion/status?id=0123456789ABCDEFGHJKMNPQ").GET())
                .statusCode())
        .isEqualTo(404);
  }
}
