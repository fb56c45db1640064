package dev.lethe.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.desk.Desk;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.request.Actor;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.NewRequest;
import dev.lethe.core.request.RequestSource;
import dev.lethe.server.RunningServer;
import dev.lethe.server.Sql;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The messages next to the console's form fields are in the page's language, whether the console
 * wrote them or the REST API's checks did: Indonesian by {@code ?lang=id} or by {@code
 * Accept-Language}, English otherwise.
 */
class ConsoleFieldMessagesH2Test {

  static final String ADMIN_PASSWORD = "admin-password-for-tests";
  static final String PASSWORD = "operator-password-123";
  static RunningServer server;
  static String workspace;

  @BeforeAll
  static void start() {
    server = RunningServer.demo("--lethe.console.admin-password=" + ADMIN_PASSWORD);
    workspace = Sql.strings(server.host(), "SELECT id FROM workspaces ORDER BY id").get(0);
    server
        .bean(Operators.class)
        .add(
            new NewOperator(
                "putri",
                Optional.of("putri@example.com"),
                PASSWORD,
                Role.PRIVACY_OPERATOR,
                new TreeSet<>(Set.of())),
            Actor.system());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static ConsoleClient signedIn(String name, String password, String language) {
    ConsoleClient client = new ConsoleClient(server).speaking(language);
    HttpResponse<String> answer = client.signIn(name, password);
    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    return client;
  }

  /** The text of the message element next to {@code field}, or null when there is none. */
  static String errorOf(HttpResponse<String> page, String field) {
    Matcher m =
        Pattern.compile("id=\"" + Pattern.quote(field) + "-error\"[^>]*>([^<]*)<")
            .matcher(page.body());
    return m.find() ? m.group(1) : null;
  }

  static HttpResponse<String> newRequest(ConsoleClient client, String query) {
    client.get("/admin/requests/new" + query);
    return client.postWithToken(
        "/admin/requests/new" + query,
        "scope=contact&workspace="
            + workspace
            + "&identityKind=phone&identityValue=call-me-maybe&identityKind=email&identityValue="
            + "&source=email&verification=email&contactEmail=&graceDays=500");
  }

  @Test
  void a_new_request_with_a_bad_phone_and_grace_days_is_answered_in_indonesian() {
    ConsoleClient putri = signedIn("putri", PASSWORD, "en");

    HttpResponse<String> page = newRequest(putri, "?lang=id");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(errorOf(page, "identity0")).isEqualTo("bukan phone yang sah");
    assertThat(errorOf(page, "graceDays")).isEqualTo("antara 1 dan 90 hari");
    assertThat(errorOf(page, "verification"))
        .isEqualTo("verifikasi lewat e-mail memerlukan alamat e-mail kontak");
  }

  @Test
  void the_same_new_request_is_answered_in_english_on_english_pages() {
    ConsoleClient putri = signedIn("putri", PASSWORD, "en");

    HttpResponse<String> page = newRequest(putri, "");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(errorOf(page, "identity0")).isEqualTo("not a valid phone");
    assertThat(errorOf(page, "graceDays")).isEqualTo("between 1 and 90 days");
    assertThat(errorOf(page, "verification"))
        .isEqualTo("email verification needs a contact e-mail address");
  }

  @Test
  void accept_language_alone_makes_the_messages_indonesian() {
    ConsoleClient putri = signedIn("putri", PASSWORD, "id-ID,id;q=0.9,en;q=0.5");
    putri.get("/admin/requests/new");

    HttpResponse<String> page =
        putri.postWithToken(
            "/admin/requests/new",
            "scope=contact&workspace=" + workspace + "&source=email&verification=none");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(errorOf(page, "identities"))
        .isEqualTo("sebutkan identitas orang itu, atau parameter filter cakupan ini");
  }

  @Test
  void privacy_dates_are_refused_in_indonesian() {
    ConsoleClient putri = signedIn("putri", PASSWORD, "id");

    HttpResponse<String> unreadable =
        putri.get("/admin/privacy?workspace=" + workspace + "&from=31/01/2026&to=2026-02-01");
    HttpResponse<String> backwards =
        putri.get("/admin/privacy?workspace=" + workspace + "&from=2026-02-01&to=2026-01-01");

    assertThat(unreadable.statusCode()).isEqualTo(400);
    assertThat(errorOf(unreadable, "from")).endsWith(": tanggal seperti 2026-01-31");
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(errorOf(backwards, "to")).endsWith(": harus sesudah tanggal mulai");
    HttpResponse<String> english =
        signedIn("putri", PASSWORD, "en")
            .get("/admin/privacy?workspace=" + workspace + "&from=2026-02-01&to=2026-01-01");
    assertThat(errorOf(english, "to")).endsWith(": must be after the start");
  }

  @Test
  void a_conversations_search_is_refused_in_indonesian() {
    ConsoleClient putri = signedIn("putri", PASSWORD, "en");

    HttpResponse<String> phone =
        putri.get("/admin/conversations?lang=id&workspace=" + workspace + "&by=phone&q=abc");
    HttpResponse<String> name =
        putri.get("/admin/conversations?workspace=" + workspace + "&by=name&q=a");

    assertThat(phone.statusCode()).isEqualTo(400);
    assertThat(errorOf(phone, "q")).isEqualTo("bukan phone yang sah");
    assertThat(name.statusCode()).as("the language chosen is kept").isEqualTo(400);
    assertThat(errorOf(name, "q")).isEqualTo("2 sampai 200 karakter");
  }

  @Test
  void an_operator_added_with_bad_fields_is_refused_in_indonesian_and_in_english() {
    ConsoleClient id = signedIn(FirstAdmin.NAME, ADMIN_PASSWORD, "id");
    id.get("/admin/operators");
    ConsoleClient en = signedIn(FirstAdmin.NAME, ADMIN_PASSWORD, "en");
    en.get("/admin/operators");
    String form = "name=-x&email=nope&password=short&role=workspace_admin&workspaces=no-such-ws";

    HttpResponse<String> indonesian = id.postWithToken("/admin/operators", form);
    HttpResponse<String> english = en.postWithToken("/admin/operators", form);

    assertThat(indonesian.statusCode()).isEqualTo(400);
    assertThat(errorOf(indonesian, "name"))
        .isEqualTo(
            "2 sampai 64 huruf, angka, &#39;.&#39;, &#39;_&#39; atau &#39;-&#39;,"
                + " diawali huruf atau angka");
    assertThat(errorOf(indonesian, "email")).isEqualTo("bukan alamat e-mail");
    assertThat(errorOf(indonesian, "password")).isEqualTo("paling sedikit 12 karakter");
    assertThat(errorOf(indonesian, "workspaces"))
        .isEqualTo("tidak ada ruang kerja &#39;no-such-ws&#39; di basis data host");
    assertThat(english.statusCode()).isEqualTo(400);
    assertThat(errorOf(english, "password")).isEqualTo("at least 12 characters");
    assertThat(errorOf(english, "workspaces"))
        .isEqualTo("no workspace &#39;no-such-ws&#39; in the host&#39;s database");
  }

  @Test
  void a_hold_placed_with_bad_fields_is_refused_in_indonesian() {
    ConsoleClient putri = signedIn("putri", PASSWORD, "en");
    putri.get("/admin/holds?lang=id");

    HttpResponse<String> page =
        putri.postWithToken(
            "/admin/holds?lang=id",
            "target=identity&identityKind=phone&identityValue=abc&reason=&expires=2001-01-01");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(errorOf(page, "identityValue")).isEqualTo("bukan phone yang sah");
    assertThat(errorOf(page, "reason")).isEqualTo("wajib: mengapa data harus disimpan");
    assertThat(errorOf(page, "expires")).isEqualTo("harus di masa depan");
  }

  @Test
  void a_request_rejected_or_extended_without_a_reason_is_refused_in_indonesian() {
    UUID id = awaitingVerification().id();
    ConsoleClient putri = signedIn("putri", PASSWORD, "id");
    putri.get("/admin/requests/" + id);

    HttpResponse<String> rejected =
        putri.postWithToken("/admin/requests/" + id + "/rejection", "reason=");
    HttpResponse<String> extended =
        putri.postWithToken("/admin/requests/" + id + "/extension", "reason=&by=soon");

    assertThat(rejected.statusCode()).isEqualTo(400);
    assertThat(errorOf(rejected, "rejectReason"))
        .isEqualTo("wajib: alasan ini ditampilkan kepada orang itu");
    assertThat(extended.statusCode()).isEqualTo(400);
    assertThat(errorOf(extended, "extendReason"))
        .isEqualTo("wajib: alasan ini ditampilkan kepada orang itu");
    assertThat(errorOf(extended, "by"))
        .isEqualTo("rentang waktu tidak terbaca: tulis seperti 1 month atau 45 days");
    ConsoleClient english = signedIn("putri", PASSWORD, "en");
    english.get("/admin/requests/" + id);
    HttpResponse<String> refused =
        english.postWithToken("/admin/requests/" + id + "/rejection", "reason=");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(errorOf(refused, "rejectReason")).isEqualTo("required: it is shown to the person");
  }

  @Test
  void an_admin_disabling_themselves_or_deleting_no_activity_is_refused_in_indonesian() {
    ConsoleClient admin = signedIn(FirstAdmin.NAME, ADMIN_PASSWORD, "id");
    admin.get("/admin/operators/" + FirstAdmin.NAME);

    HttpResponse<String> disable =
        admin.postWithToken("/admin/operators/" + FirstAdmin.NAME + "/disable", "");
    admin.get("/admin/activity?workspace=" + workspace);
    HttpResponse<String> activity =
        admin.postWithToken("/admin/activity/deletion", "workspace=" + workspace);

    assertThat(disable.statusCode()).isEqualTo(400);
    assertThat(errorOf(disable, "enabled"))
        .isEqualTo("Anda tidak dapat menonaktifkan diri sendiri: admin lain dapat melakukannya");
    assertThat(activity.statusCode()).isEqualTo(400);
    assertThat(errorOf(activity, "entry")).isEqualTo("pilih paling sedikit satu entri");
  }

  static DeletionRequest awaitingVerification() {
    String email =
        Sql.strings(
                server.host(),
                "SELECT email FROM contacts WHERE email IS NOT NULL AND workspace_id = ? ORDER BY id",
                Long.valueOf(workspace))
            .get(0);
    NewRequest request =
        NewRequest.erasure(
                "contact",
                List.of(new Identity(IdentityKind.EMAIL, email)),
                "EU",
                RequestSource.EMAIL)
            .inWorkspace(workspace)
            .withVerification();
    return server.bean(Desk.class).receive(request, Actor.system()).request();
  }
}
