package dev.lethe.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.request.Actor;
import dev.lethe.server.RunningServer;
import dev.lethe.server.Sql;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operators' pages over HTTP: adding, changing roles, passwords, disabling; admins only. */
class ConsoleOperatorsH2Test {

  static final String ADMIN_PASSWORD = "admin-password-for-tests";
  static final String PASSWORD = ConsoleH2Test.PASSWORD;
  static RunningServer server;
  static List<String> workspaces;

  @BeforeAll
  static void start() {
    server = RunningServer.demo("--lethe.console.admin-password=" + ADMIN_PASSWORD);
    workspaces = Sql.strings(server.host(), "SELECT id FROM workspaces ORDER BY id");
    Operators operators = server.bean(Operators.class);
    operators.add(
        ConsoleH2Test.operator("olivia", Role.PRIVACY_OPERATOR, Set.of()), Actor.system());
    operators.add(
        ConsoleH2Test.operator("wendy", Role.WORKSPACE_ADMIN, Set.of(workspaces.get(0))),
        Actor.system());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static ConsoleClient signedIn(String name, String password) {
    ConsoleClient client = new ConsoleClient(server);
    HttpResponse<String> answer = client.signIn(name, password);
    assertThat(answer.headers().firstValue("Location"))
        .as("signing in as " + name)
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("error").doesNotContain("locked"));
    return client;
  }

  static ConsoleClient admin() {
    return signedIn(FirstAdmin.NAME, ADMIN_PASSWORD);
  }

  static HttpResponse<String> add(ConsoleClient admin, String form) {
    admin.get("/admin/operators");
    return admin.postWithToken("/admin/operators", form);
  }

  static boolean signsIn(String name, String password) {
    return new ConsoleClient(server)
        .signIn(name, password)
        .headers()
        .firstValue("Location")
        .filter(l -> !l.contains("error"))
        .isPresent();
  }

  @Test
  void an_added_operator_signs_in_with_the_role_given() {
    ConsoleClient admin = admin();

    HttpResponse<String> added =
        add(
            admin,
            "name=priya&role=auditor&email=priya%40example.com&workspaces=&password=" + PASSWORD);

    assertThat(added.statusCode()).isEqualTo(302);
    assertThat(added.headers().firstValue("Location").orElseThrow())
        .endsWith("/admin/operators/priya");
    assertThat(admin.get("/admin/operators").body()).contains(">priya</a>").contains("auditor");
    ConsoleClient priya = signedIn("priya", PASSWORD);
    assertThat(priya.get("/admin/ledger").statusCode()).isEqualTo(200);
    assertThat(priya.get("/admin/operators").statusCode()).isEqualTo(403);
  }

  @Test
  void the_add_form_names_each_field_that_is_wrong() {
    HttpResponse<String> answer =
        add(admin(), "name=a+b&role=workspace_admin&workspaces=&email=nope&password=short");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body())
        .contains("id=\"name-error\"")
        .contains("id=\"password-error\"")
        .contains("at least 12 characters")
        .contains("id=\"workspaces-error\"")
        .contains("a workspace admin needs at least one workspace")
        .contains("id=\"email-error\"")
        .contains("aria-invalid=\"true\"")
        .doesNotContain("Exception")
        .doesNotContain("value=\"short\"");
  }

  @Test
  void a_taken_name_an_unknown_role_and_an_unknown_workspace_are_refused() {
    ConsoleClient admin = admin();

    HttpResponse<String> taken =
        add(admin, "name=olivia&role=auditor&workspaces=&email=&password=" + PASSWORD);
    assertThat(taken.statusCode()).isEqualTo(400);
    assertThat(taken.body()).contains("id=\"name-error\"").contains("this name is taken");

    HttpResponse<String> role =
        add(admin, "name=rolf&role=superuser&workspaces=&email=&password=" + PASSWORD);
    assertThat(role.statusCode()).isEqualTo(400);
    assertThat(role.body()).contains("id=\"role-error\"");

    HttpResponse<String> workspace =
        add(
            admin,
            "name=wanda&role=workspace_admin&workspaces=999999999&email=&password=" + PASSWORD);
    assertThat(workspace.statusCode()).isEqualTo(400);
    assertThat(workspace.body())
        .contains("id=\"workspaces-error\"")
        .contains("no workspace &#39;999999999&#39;");
  }

  @Test
  void an_operator_given_another_role_signs_in_again_and_gets_that_role() {
    ConsoleClient admin = admin();
    add(admin, "name=ravi&role=privacy_operator&workspaces=&email=&password=" + PASSWORD);
    ConsoleClient ravi = signedIn("ravi", PASSWORD);
    assertThat(ravi.get("/admin/holds").statusCode()).isEqualTo(200);

    admin.get("/admin/operators/ravi");
    HttpResponse<String> changed =
        admin.postWithToken(
            "/admin/operators/ravi/role", "role=workspace_admin&workspaces=" + workspaces.get(1));

    assertThat(changed.statusCode()).isEqualTo(302);
    HttpResponse<String> next = ravi.get("/admin/holds");
    assertThat(next.statusCode()).isEqualTo(302);
    assertThat(next.headers().firstValue("Location").orElseThrow()).contains("/admin/login");
    ravi = signedIn("ravi", PASSWORD);
    assertThat(ravi.get("/admin/holds").statusCode()).isEqualTo(403);
    assertThat(admin.get("/admin/operators/ravi").body())
        .contains("workspace admin")
        .contains(workspaces.get(1));
  }

  @Test
  void a_new_password_replaces_the_old_one_and_a_short_one_is_refused_next_to_its_field() {
    ConsoleClient admin = admin();
    add(admin, "name=pete&role=auditor&workspaces=&email=&password=" + PASSWORD);
    admin.get("/admin/operators/pete");

    HttpResponse<String> tooShort =
        admin.postWithToken("/admin/operators/pete/password", "password=short");
    assertThat(tooShort.statusCode()).isEqualTo(400);
    assertThat(tooShort.body()).contains("id=\"password-error\"").contains("at least 12");

    HttpResponse<String> set =
        admin.postWithToken("/admin/operators/pete/password", "password=a-brand-new-password");
    assertThat(set.statusCode()).isEqualTo(302);
    assertThat(signsIn("pete", PASSWORD)).isFalse();
    assertThat(signsIn("pete", "a-brand-new-password")).isTrue();
  }

  @Test
  void a_disabled_operator_is_signed_out_and_an_enabled_one_signs_in_again() {
    ConsoleClient admin = admin();
    add(admin, "name=dora&role=privacy_operator&workspaces=&email=&password=" + PASSWORD);
    ConsoleClient dora = signedIn("dora", PASSWORD);
    admin.get("/admin/operators/dora");

    assertThat(admin.postWithToken("/admin/operators/dora/disable", "").statusCode())
        .isEqualTo(302);

    HttpResponse<String> next = dora.get("/admin");
    assertThat(next.statusCode()).isEqualTo(302);
    assertThat(next.headers().firstValue("Location").orElseThrow()).contains("/admin/login");
    assertThat(signsIn("dora", PASSWORD)).isFalse();
    admin.get("/admin/operators/dora");
    assertThat(admin.postWithToken("/admin/operators/dora/enable", "").statusCode()).isEqualTo(302);
    assertThat(signsIn("dora", PASSWORD)).isTrue();
  }

  @Test
  void an_admin_cannot_disable_themselves_or_change_their_own_role() {
    ConsoleClient admin = admin();
    admin.get("/admin/operators/" + FirstAdmin.NAME);

    HttpResponse<String> disable =
        admin.postWithToken("/admin/operators/" + FirstAdmin.NAME + "/disable", "");
    assertThat(disable.statusCode()).isEqualTo(400);
    assertThat(disable.body()).contains("you cannot disable yourself");
    HttpResponse<String> role =
        admin.postWithToken(
            "/admin/operators/" + FirstAdmin.NAME + "/role", "role=auditor&workspaces=");
    assertThat(role.statusCode()).isEqualTo(400);
    assertThat(role.body()).contains("id=\"role-error\"");
    assertThat(admin.get("/admin/operators").statusCode()).isEqualTo(200);
  }

  @Test
  void only_platform_admins_reach_the_operators() {
    for (String name : List.of("olivia", "wendy")) {
      ConsoleClient other = signedIn(name, PASSWORD);
      assertThat(other.get("/admin/operators").statusCode()).as(name).isEqualTo(403);
      assertThat(other.get("/admin/operators/olivia").statusCode()).as(name).isEqualTo(403);
      assertThat(
              other
                  .postWithToken("/admin/operators", "name=x1&role=auditor&password=" + PASSWORD)
                  .statusCode())
          .as(name)
          .isEqualTo(403);
      assertThat(other.get("/admin").body()).doesNotContain("/admin/operators");
    }
    assertThat(admin().get("/admin/operators/nobody-by-this-name").statusCode()).isEqualTo(404);
  }
}
