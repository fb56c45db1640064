package dev.lethe.server.console;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.desk.Desk;
import dev.lethe.core.ledger.Ledger;
import dev.lethe.core.request.Actor;
import dev.lethe.server.RunningServer;
import dev.lethe.server.Sql;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's pages about every workspace at once, over HTTP: the ledger and its chain check, the
 * retention rules and "run now", the data map's coverage, the import of Meta's user-id lists and
 * the operators; who may read and post each, and each bad form answered next to its field.
 */
class ConsolePlatformPagesH2Test {

  static final String ADMIN_PASSWORD = "admin-password-for-tests";
  static final String PASSWORD = ConsoleH2Test.PASSWORD;
  static RunningServer server;
  static String workspace;

  @BeforeAll
  static void start() {
    server = RunningServer.demo("--lethe.console.admin-password=" + ADMIN_PASSWORD);
    workspace = Sql.strings(server.host(), "SELECT id FROM workspaces ORDER BY id").get(0);
    Operators operators = server.bean(Operators.class);
    operators.add(
        ConsoleH2Test.operator("olivia", Role.PRIVACY_OPERATOR, Set.of()), Actor.system());
    operators.add(ConsoleH2Test.operator("audrey", Role.AUDITOR, Set.of()), Actor.system());
    operators.add(
        ConsoleH2Test.operator("wendy", Role.WORKSPACE_ADMIN, Set.of(workspace)), Actor.system());
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

  static ConsoleClient admin() {
    return signedIn(FirstAdmin.NAME, ADMIN_PASSWORD);
  }

  /** Waits for a retention sweep in the ledger after entry {@code after}, once asked for one. */
  static void awaitSweep(long after) {
    Ledger ledger = server.bean(Ledger.class);
    ConsoleOperatorsForTests.await(
        () ->
            ledger.newestFrom(ledger.head().seq(), 100).stream()
                .anyMatch(e -> e.seq() > after && e.type().equals(Desk.RETENTION_ENTRY)),
        Duration.ofMinutes(1));
  }

  /** Asks for a sweep now (again, while an earlier one is still finishing) and waits for it. */
  static void runRetention(ConsoleClient client) {
    long before = server.bean(Ledger.class).head().seq();
    ConsoleOperatorsForTests.await(
        () -> {
          client.get("/admin/retention");
          return client.postWithToken("/admin/retention/run", "").statusCode() == 302;
        },
        Duration.ofSeconds(30));
    awaitSweep(before);
  }

  static void execute(String sql, Object... parameters) {
    execute(server.state(), sql, parameters);
  }

  static void execute(DataSource database, String sql, Object... parameters) {
    try (Connection c = database.getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void the_retention_page_lists_the_rules_and_runs_them_now_and_shows_the_last_run() {
    ConsoleClient admin = admin();

    HttpResponse<String> before = admin.get("/admin/retention");
    assertThat(before.statusCode()).isEqualTo(200);
    assertThat(before.body())
        .contains("Retention rules")
        .contains("P13M")
        .contains("Next run")
        .contains("Rows per batch at most")
        .contains("Pause after each batch")
        .contains("Rows a second at most")
        .contains("no limit")
        .contains("<td>20,000</td>");
    // a message past its age, whatever sweeps ran before
    execute(
        server.host(),
        "UPDATE messages SET created_at = ? WHERE id = (SELECT MAX(id) FROM messages)",
        LocalDateTime.of(2020, 1, 1, 0, 0));

    runRetention(admin);

    HttpResponse<String> after = admin.get("/admin/retention");
    assertThat(after.body()).doesNotContain("not yet").containsPattern("<td>[1-9][0-9]*</td>");
  }

  @Test
  void the_ledger_lists_entries_newest_first_and_verifies_its_chain() {
    ConsoleClient operator = signedIn("olivia", PASSWORD);
    runRetention(operator);

    HttpResponse<String> page = operator.get("/admin/ledger");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("retention sweep").contains("messages_13_months");

    HttpResponse<String> verified = operator.postWithToken("/admin/ledger/verification", "");
    assertThat(verified.statusCode()).isEqualTo(200);
    assertThat(verified.body()).contains("The chain is intact");
  }

  @Test
  void a_tampered_ledger_is_reported_broken_at_its_entry() {
    ConsoleClient auditor = signedIn("audrey", PASSWORD);
    runRetention(admin());
    String body = Sql.strings(server.state(), "SELECT body FROM lethe_ledger WHERE seq = 1").get(0);
    execute("UPDATE lethe_ledger SET body = ? WHERE seq = 1", "{\"counts\":{}}");
    try {
      auditor.get("/admin/ledger");
      HttpResponse<String> verified = auditor.postWithToken("/admin/ledger/verification", "");

      assertThat(verified.statusCode()).isEqualTo(200);
      assertThat(verified.body()).contains("The chain is broken at entry 1");
    } finally {
      execute("UPDATE lethe_ledger SET body = ? WHERE seq = 1", body);
    }
  }

  @Test
  void a_malformed_anchor_is_refused_next_to_its_field() {
    ConsoleClient auditor = signedIn("audrey", PASSWORD);
    auditor.get("/admin/ledger");

    HttpResponse<String> answer =
        auditor.postWithToken("/admin/ledger/verification", "anchor=not-an-anchor");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body())
        .contains("id=\"anchor-error\"")
        .contains("an anchor reads seq:hash")
        .doesNotContain("Exception");
  }

  @Test
  void the_auditor_reads_the_platform_pages_but_cannot_run_retention() {
    ConsoleClient auditor = signedIn("audrey", PASSWORD);

    for (String page : List.of("/admin/ledger", "/admin/retention", "/admin/datamap")) {
      assertThat(auditor.get(page).statusCode()).as(page).isEqualTo(200);
    }
    assertThat(auditor.get("/admin/retention").body()).doesNotContain("Run now");
    assertThat(auditor.postWithToken("/admin/retention/run", "").statusCode()).isEqualTo(403);
  }

  @Test
  void a_workspace_admin_is_kept_out_of_the_platform_pages() {
    ConsoleClient wendy = signedIn("wendy", PASSWORD);

    for (String page :
        List.of("/admin/ledger", "/admin/retention", "/admin/datamap", "/admin/meta")) {
      assertThat(wendy.get(page).statusCode()).as(page).isEqualTo(403);
    }
    assertThat(wendy.postWithToken("/admin/ledger/verification", "").statusCode()).isEqualTo(403);
    assertThat(wendy.get("/admin").body()).doesNotContain("/admin/ledger");
  }

  @Test
  void the_coverage_page_names_a_personal_table_the_data_map_leaves_out() {
    ConsoleClient operator = signedIn("olivia", PASSWORD);
    assertThat(operator.get("/admin/datamap").body()).doesNotContain("newsletter_signups");
    execute(
        server.host(),
        "CREATE TABLE newsletter_signups (id BIGINT PRIMARY KEY, email VARCHAR(320),"
            + " phone VARCHAR(40))");

    HttpResponse<String> page = operator.get("/admin/datamap");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<span>H2 ")
        .contains("Unmapped tables (")
        .contains("<code>newsletter_signups</code>")
        .contains("reference-platform");
  }

  @Test
  void a_meta_list_uploaded_creates_one_request_per_new_id_and_names_bad_lines() {
    ConsoleClient operator = signedIn("olivia", PASSWORD);
    operator.get("/admin/meta");
    byte[] list = "user_id\n9100000001\n9100000002\nnot an id\n9100000001\n".getBytes(UTF_8);

    HttpResponse<String> first = operator.postFile("/admin/meta", "file", "list.csv", list);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body())
        .contains("2 ids, 2 new requests, 0 already known, 1 repeated in the list.")
        .contains("Lines not read")
        .containsPattern("<td>4</td>")
        .doesNotContain("not an id");
    operator.get("/admin/meta");
    HttpResponse<String> again = operator.postFile("/admin/meta", "file", "list.csv", list);
    assertThat(again.body()).contains("2 ids, 0 new requests, 2 already known");
  }

  @Test
  void an_empty_or_unreadable_meta_list_is_refused_next_to_the_file_field() {
    ConsoleClient operator = signedIn("olivia", PASSWORD);
    operator.get("/admin/meta");

    HttpResponse<String> empty = operator.postFile("/admin/meta", "file", "list.csv", new byte[0]);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body())
        .contains("id=\"file-error\"")
        .contains("none was uploaded, or it is empty")
        .doesNotContain("Exception");

    operator.get("/admin/meta");
    HttpResponse<String> noIds =
        operator.postFile("/admin/meta", "file", "list.csv", "hello\nworld\n".getBytes(UTF_8));
    assertThat(noIds.statusCode()).isEqualTo(400);
    assertThat(noIds.body()).contains("id=\"file-error\"").contains("no user id could be read");
  }

  @Test
  void a_meta_list_without_the_csrf_token_is_refused_and_the_auditor_cannot_import() {
    ConsoleClient auditor = signedIn("audrey", PASSWORD);
    assertThat(auditor.get("/admin/meta").body()).doesNotContain("type=\"file\"");
    HttpResponse<String> refused =
        auditor.postFile("/admin/meta", "file", "l.csv", "9100000009\n".getBytes(UTF_8));
    assertThat(refused.statusCode()).isEqualTo(403);

    ConsoleClient stranger = signedIn("olivia", PASSWORD);
    HttpResponse<String> noToken = stranger.post("/admin/meta", "file=9100000009");
    assertThat(noToken.statusCode()).isEqualTo(403);
  }

  @Test
  void a_file_past_the_upload_limit_is_refused_next_to_the_file_field() {
    ConsoleClient operator = signedIn("olivia", PASSWORD);
    operator.get("/admin/meta");
    byte[] big = new byte[9 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) '1');

    HttpResponse<String> answer = operator.postFile("/admin/meta", "file", "big.csv", big);

    assertThat(answer.statusCode()).isEqualTo(303);
    HttpResponse<String> page = operator.get(answer.headers().firstValue("Location").orElseThrow());
    assertThat(page.statusCode()).isEqualTo(413);
    assertThat(page.body())
        .contains("id=\"file-error\"")
        .contains("larger than 8MB")
        .doesNotContain("Exception");
  }

  @Test
  void the_platform_pages_are_written_in_indonesian_too() {
    ConsoleClient admin = admin();

    assertThat(admin.get("/admin/ledger?lang=id").body())
        .contains("<html lang=\"id\"")
        .contains("Buku besar")
        .contains("Periksa rantai");
    assertThat(admin.get("/admin/retention?lang=id").body()).contains("Aturan retensi");
    assertThat(admin.get("/admin/datamap?lang=id").body()).contains("Cakupan peta data");
    assertThat(admin.get("/admin/meta?lang=id").body()).contains("Daftar user id Meta");
    assertThat(admin.get("/admin/operators?lang=id").body()).contains("Tambah operator");
  }

  @Test
  void the_platform_pages_refuse_fields_in_indonesian_too() {
    ConsoleClient admin = admin();
    admin.get("/admin/ledger?lang=id");

    HttpResponse<String> anchor =
        admin.postWithToken("/admin/ledger/verification", "anchor=not-an-anchor");
    assertThat(anchor.statusCode()).isEqualTo(400);
    assertThat(anchor.body())
        .containsPattern("id=\"anchor-error\"[^>]*>jangkar tidak sah: tulis seq:hash");

    admin.get("/admin/meta");
    HttpResponse<String> empty = admin.postFile("/admin/meta", "file", "list.csv", new byte[0]);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body())
        .containsPattern("id=\"file-error\"[^>]*>pilih berkas yang dikirim Meta: tidak ada");
  }

  @Test
  void the_ledger_is_read_fifty_entries_a_page_newest_first() {
    Ledger ledger = server.bean(Ledger.class);
    for (int i = 1; i <= 60; i++) {
      ledger.append("test-note", "paging-" + i, "{\"n\":" + i + "}");
    }
    ConsoleClient auditor = signedIn("audrey", PASSWORD);

    String first = auditor.get("/admin/ledger").body();
    java.util.regex.Matcher shown =
        java.util.regex.Pattern.compile("<code>(\\d+):[0-9a-f]{64}</code>").matcher(first);
    assertThat(shown.find()).as("the head is shown").isTrue();
    long head = Long.parseLong(shown.group(1));
    assertThat(head).isGreaterThanOrEqualTo(60);
    assertThat(first)
        .contains(hashTitle(ledger, head))
        .contains(hashTitle(ledger, head - 49))
        .doesNotContain(hashTitle(ledger, head - 50))
        .contains("/admin/ledger?from=" + (head - 50) + "\"")
        .doesNotContain(">Newer<");
    assertThat(first.indexOf(hashTitle(ledger, head)))
        .isLessThan(first.indexOf(hashTitle(ledger, head - 1)));

    String second = auditor.get("/admin/ledger?from=" + (head - 50)).body();
    assertThat(second)
        .contains(hashTitle(ledger, head - 50))
        .doesNotContain(hashTitle(ledger, head - 49))
        .contains(">Newer<");
  }

  static String hashTitle(Ledger ledger, long seq) {
    return "title=\"" + ledger.find(seq).orElseThrow().entryHash() + "\"";
  }
}
