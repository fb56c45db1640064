package dev.lethe.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import dev.lethe.core.desk.Desk;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.ledger.Ledger;
import dev.lethe.core.mail.CapturingMailer;
import dev.lethe.core.mail.Mailer;
import dev.lethe.core.request.Actor;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.NewRequest;
import dev.lethe.core.request.RequestSource;
import dev.lethe.core.request.RequestStore;
import dev.lethe.server.RunningServer;
import dev.lethe.server.Sql;
import dev.lethe.server.console.ConsoleOperatorsForTests;
import dev.lethe.server.console.FirstAdmin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console in a real browser: an operator works the queue and holds, a workspace admin uses the
 * privacy module and cannot reach another workspace. Screenshots of the main pages go to {@code
 * target/screenshots/}.
 */
@ExtendWith(ThreadsOnFailure.class)
class ConsoleBrowserTest {

  static final String ADMIN_PASSWORD = "admin-password-for-browsers";
  static final String PASSWORD = "operator-password-123";
  static final Path SHOTS = Path.of("target", "screenshots");
  static RunningServer server;
  static Browser browser;
  static List<String> workspaces;

  @BeforeAll
  static void start() {
    browser = Browser.open();
    server = RunningServer.demo("--lethe.console.admin-password=" + ADMIN_PASSWORD);
    workspaces = Sql.strings(server.host(), "SELECT id FROM workspaces ORDER BY id");
    dev.lethe.server.console.ConsoleOperatorsForTests.add(
        server, "olivia", "PRIVACY_OPERATOR", List.of(), PASSWORD);
    dev.lethe.server.console.ConsoleOperatorsForTests.add(
        server, "wendy", "WORKSPACE_ADMIN", List.of(workspaces.get(0)), PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (browser != null) {
      browser.close();
    }
  }

  static Page signIn(String name, String password) {
    Page page = browser.page("en");
    page.navigate(server.base() + "/admin/login");
    page.getByLabel("Name").fill(name);
    page.getByLabel("Password").fill(password);
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Sign in"))
        .click();
    return page;
  }

  /** A request staff must verify, for a contact of the workspace. */
  static DeletionRequest awaitingVerification(String workspace, int nth) {
    List<String> emails =
        Sql.strings(
            server.host(),
            "SELECT email FROM contacts WHERE email IS NOT NULL AND workspace_id = ? ORDER BY id",
            Long.valueOf(workspace));
    NewRequest request =
        NewRequest.erasure(
                "contact",
                List.of(new Identity(IdentityKind.EMAIL, emails.get(nth))),
                "EU",
                RequestSource.EMAIL)
            .inWorkspace(workspace)
            .withVerification();
    return server.bean(Desk.class).receive(request, Actor.system()).request();
  }

  static String state(UUID id) {
    return server.bean(RequestStore.class).find(id).orElseThrow().state().code();
  }

  @Test
  void a_wrong_password_does_not_sign_in() {
    Page page = signIn("olivia", "wrong-password-entirely");

    assertThat(page.url()).endsWith("/admin/login?error");
    assertThat(page.locator("[role=alert]").textContent()).contains("Wrong name or password");
  }

  @Test
  void an_operator_verifies_rejects_and_extends_requests_and_places_and_lifts_a_hold() {
    DeletionRequest toVerify = awaitingVerification(workspaces.get(1), 0);
    DeletionRequest toReject = awaitingVerification(workspaces.get(1), 1);
    DeletionRequest toExtend = awaitingVerification(workspaces.get(1), 2);
    Page page = signIn("olivia", PASSWORD);
    Browser.screenshot(page, SHOTS.resolve("admin-dashboard.png"));

    page.navigate(server.base() + "/admin/requests?open=true");
    assertThat(page.locator("table").textContent()).contains(toVerify.confirmationCode());
    Browser.screenshot(page, SHOTS.resolve("admin-queue.png"));

    page.getByText(toVerify.confirmationCode()).click();
    assertThat(page.url()).endsWith("/admin/requests/" + toVerify.id());
    Browser.screenshot(page, SHOTS.resolve("admin-request.png"));
    page.getByLabel("How the identity was checked").fill("called the person back");
    page.getByText("Mark verified").click();
    assertThat(page.locator("[role=status]").textContent()).contains("verified");

    page.navigate(server.base() + "/admin/requests/" + toReject.id());
    page.getByText("Reject the request").click();
    assertThat(page.locator("#rejectReason-error").textContent()).contains("required");
    page.locator("#rejectReason").fill("We could not confirm who asked");
    page.getByText("Reject the request").click();
    assertThat(state(toReject.id())).isEqualTo("rejected");

    page.navigate(server.base() + "/admin/requests/" + toExtend.id());
    page.locator("#by").fill("1 month");
    page.locator("#extendReason").fill("The request is complex");
    page.locator("form[action$='/extension'] button").click();
    assertThat(page.locator("[role=status]").textContent()).contains("extended");
    assertThat(state(toVerify.id())).isNotEqualTo("awaiting_verification");

    page.navigate(server.base() + "/admin/holds");
    page.locator("input[name=target][value=workspace]").check();
    page.locator("#hold-workspace").fill(workspaces.get(2));
    page.locator("#reason").fill("Preservation order");
    page.locator("#reference").fill("CASE-2026-7");
    page.getByText("Place the hold").last().click();
    assertThat(page.locator("table").textContent()).contains("CASE-2026-7");
    page.locator("form[action$='/lift'] button").first().click();
    assertThat(page.locator("[role=status]").textContent()).contains("lifted");
  }

  @Test
  void a_workspace_admin_deletes_bot_users_and_gets_the_confirmation() {
    String mine = workspaces.get(0);
    Sql.strings(
        server.host(), "SELECT id FROM contacts WHERE workspace_id = ?", Long.valueOf(mine));
    long before =
        Sql.count(
            server.host(),
            "SELECT COUNT(*) FROM contacts WHERE workspace_id = ?",
            Long.valueOf(mine));
    Page page = signIn("wendy", PASSWORD);
    page.navigate(server.base() + "/admin/privacy?from=2000-01-01&to=2100-01-01");
    assertThat(page.locator(".count").textContent()).contains(before + " end users match");
    Browser.screenshot(page, SHOTS.resolve("admin-privacy.png"));

    page.locator("form[action$='/admin/privacy/deletion'] button").click();

    assertThat(page.url()).contains("/admin/requests/");
    String id = page.url().substring(page.url().lastIndexOf('/') + 1);
    dev.lethe.server.console.ConsoleOperatorsForTests.await(
        () -> state(UUID.fromString(id)).equals("completed"), Duration.ofMinutes(1));
    assertThat(
            Sql.count(
                server.host(),
                "SELECT COUNT(*) FROM contacts WHERE workspace_id = ?",
                Long.valueOf(mine)))
        .isZero();
    dev.lethe.server.console.ConsoleOperatorsForTests.await(
        () ->
            ((CapturingMailer) server.bean(Mailer.class))
                .captured().stream()
                    .anyMatch(
                        m ->
                            m.mail().to().equals("wendy@example.com")
                                && m.mail().kind().equals("confirmation")),
        Duration.ofMinutes(1));
  }

  @Test
  void a_workspace_admin_cannot_see_another_workspace() {
    DeletionRequest elsewhere = awaitingVerification(workspaces.get(1), 3);
    Page page = signIn("wendy", PASSWORD);

    Response detail = page.navigate(server.base() + "/admin/requests/" + elsewhere.id());
    assertThat(detail.status()).isEqualTo(404);
    Response queue =
        page.navigate(server.base() + "/admin/requests?workspace=" + workspaces.get(1));
    assertThat(queue.status()).isEqualTo(403);
    page.navigate(server.base() + "/admin/requests");
    assertThat(page.content()).doesNotContain(elsewhere.confirmationCode());
    Response search =
        page.navigate(
            server.base() + "/admin/conversations?workspace=" + workspaces.get(1) + "&q=a");
    assertThat(search.status()).isEqualTo(403);
    Response holds = page.navigate(server.base() + "/admin/holds");
    assertThat(holds.status()).isEqualTo(403);
    for (String platformPage :
        List.of("/admin/ledger", "/admin/retention", "/admin/datamap", "/admin/meta")) {
      assertThat(page.navigate(server.base() + platformPage).status())
          .as(platformPage)
          .isEqualTo(403);
    }
    assertThat(page.navigate(server.base() + "/admin/operators").status()).isEqualTo(403);
    assertThat(page.content()).doesNotContain("href=\"/admin/ledger\"");
  }

  @Test
  void the_sign_in_and_a_form_work_from_the_keyboard_alone_with_focus_visible() {
    Page page = browser.page("en");
    page.navigate(server.base() + "/admin/login");
    assertThat(Browser.focusedId(page))
        .as("the name field has the focus at once")
        .isEqualTo("name");
    page.keyboard().type(FirstAdmin.NAME);
    page.keyboard().press("Tab");
    assertThat(Browser.focusedId(page)).isEqualTo("password");
    page.keyboard().type(ADMIN_PASSWORD);
    page.keyboard().press("Tab");
    assertThat(Browser.focusedId(page)).isEqualTo("button");
    assertThat(Browser.focusVisible(page)).isTrue();
    page.keyboard().press("Enter");
    page.waitForURL("**/admin");

    page.navigate(server.base() + "/admin/operators");
    page.keyboard().press("Tab");
    assertThat(page.locator(":focus").textContent()).isEqualTo("Skip to content");
    assertThat(Browser.focusVisible(page)).isTrue();
    tabTo(page, "name");
    page.keyboard().type("not a name");
    List<String> visited = new ArrayList<>();
    for (String next : List.of("role", "workspaces", "email", "password")) {
      page.keyboard().press("Tab");
      assertThat(Browser.focusedId(page)).isEqualTo(next);
      assertThat(Browser.focusVisible(page)).as(next).isTrue();
      visited.add(next);
    }
    page.keyboard().type("short");
    page.keyboard().press("Enter");

    assertThat(page.locator("#name-error").textContent()).contains("letters, digits");
    assertThat(page.locator("#password-error").textContent()).contains("at least 12");
    assertThat(page.locator("#name").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(visited).hasSize(4);
  }

  /** Presses Tab from the top of the page until the element with {@code id} has the focus. */
  static void tabTo(Page page, String id) {
    for (int i = 0; i < 60; i++) {
      page.keyboard().press("Tab");
      if (id.equals(Browser.focusedId(page))) {
        return;
      }
    }
    throw new AssertionError("Tab never reached #" + id);
  }

  @Test
  void an_admin_runs_retention_verifies_the_ledger_imports_a_meta_list_and_adds_an_operator() {
    Page page = signIn(FirstAdmin.NAME, ADMIN_PASSWORD);
    page.navigate(server.base() + "/admin/retention");
    page.getByText("Run now").click();
    assertThat(page.locator("[role=status]").textContent()).contains("The sweep starts now");
    Ledger ledger = server.bean(Ledger.class);
    ConsoleOperatorsForTests.await(
        () ->
            ledger.newestFrom(ledger.head().seq(), 100).stream()
                .anyMatch(e -> e.type().equals(Desk.RETENTION_ENTRY)),
        Duration.ofMinutes(1));
    page.reload();
    assertThat(page.locator("table").textContent()).contains("messages_13_months");
    Browser.screenshot(page, SHOTS.resolve("admin-retention.png"));

    page.navigate(server.base() + "/admin/ledger");
    page.locator("form[action*='/admin/ledger/verification'] button").click();
    assertThat(page.locator("[role=status]").textContent()).contains("The chain is intact");
    assertThat(page.locator("table").textContent()).contains("retention sweep");
    Browser.screenshot(page, SHOTS.resolve("admin-ledger.png"));

    page.navigate(server.base() + "/admin/meta");
    page.locator("#file")
        .setInputFiles(
            new FilePayload(
                "meta-list.csv",
                "text/csv",
                "user_id\n9200000001\n9200000002\n???\n".getBytes(StandardCharsets.UTF_8)));
    page.locator("form[action$='/admin/meta'] button").click();
    assertThat(page.locator("[role=status]").textContent())
        .contains("2 ids, 2 new requests, 0 already known");
    assertThat(page.locator("table").textContent()).contains("4");
    Browser.screenshot(page, SHOTS.resolve("admin-meta.png"));

    page.navigate(server.base() + "/admin/operators");
    page.locator("#name").fill("legal-1");
    page.locator("#role").selectOption("auditor");
    page.locator("#email").fill("legal-1@example.com");
    page.locator("#password").fill("a-long-first-password");
    page.locator("form[action$='/admin/operators'] button").click();
    assertThat(page.url()).endsWith("/admin/operators/legal-1");
    assertThat(page.locator("[role=status]").textContent()).contains("The operator is added");
    page.navigate(server.base() + "/admin/operators");
    assertThat(page.locator("table").textContent()).contains("legal-1").contains("auditor");
    Browser.screenshot(page, SHOTS.resolve("admin-operators.png"));
  }
}
