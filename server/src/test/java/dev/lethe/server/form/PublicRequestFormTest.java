package dev.lethe.server.form;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.lethe.core.mail.CapturingMailer;
import dev.lethe.core.mail.OutgoingMail;
import dev.lethe.server.RunningServer;
import dev.lethe.server.Sql;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The public request form over plain HTTP: each field refused with its message next to it, the bot
 * check, the limits per client address and per e-mail address, and requests made, confirmed with
 * the mailed code and carried out. Each test sends from client addresses of its own.
 */
class PublicRequestFormTest {

  static final Duration FILL_TIME = Duration.ofMillis(300);
  static final AtomicInteger ADDRESSES = new AtomicInteger(1);
  static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
  static final Logger ROOT = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  static RunningServer server;

  @BeforeAll
  static void start() {
    server =
        RunningServer.demo(
            "--server.forward-headers-strategy=framework",
            "--lethe.pages.request-form.business-column=name",
            "--lethe.pages.request-form.min-fill-time=" + FILL_TIME.toMillis() + "ms",
            "--lethe.pages.request-form.per-address=4",
            "--lethe.pages.request-form.per-email=2",
            "--logging.level.root=DEBUG");
    LOGS.start();
    ROOT.addAppender(LOGS);
  }

  @AfterAll
  static void stop() {
    ROOT.detachAppender(LOGS);
    if (server != null) {
      server.close();
    }
  }

  @Test
  void an_empty_form_names_each_missing_field_next_to_it_and_stores_nothing() {
    Client client = new Client();
    long before = requests();

    HttpResponse<String> answer = client.send(Map.of("what", "account"));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertFieldError(answer.body(), "email", "Enter your e-mail address.");
    assertFieldError(answer.body(), "statement", "Confirm that you are the person");
    assertThat(answer.body()).doesNotContain("id=\"business-error\"");
    assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(requests()).isEqualTo(before);
  }

  @Test
  void a_bad_address_is_refused_and_what_was_typed_comes_back_escaped_and_is_never_logged() {
    Client client = new Client();
    int logged = logged();

    HttpResponse<String> answer =
        client.send(
            Map.of(
                "email", "canary.person(at)example",
                "name", "<b>Canary Person</b>",
                "what", "account",
                "statement", "yes"));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertFieldError(answer.body(), "email", "Enter an e-mail address such as name@example.com.");
    assertThat(answer.body())
        .contains("value=\"canary.person(at)example\"")
        .contains("value=\"&lt;b&gt;Canary Person&lt;/b&gt;\"")
        .doesNotContain("<b>Canary Person</b>");
    assertNotLoggedSince(logged, "canary");
  }

  @Test
  void a_request_for_a_business_customer_needs_a_business_the_service_knows() {
    Client client = new Client();
    String business = uniqueBusiness();

    HttpResponse<String> none =
        client.send(Map.of("email", "a@example.com", "what", "contact", "statement", "yes"));
    HttpResponse<String> unknown =
        client.send(
            Map.of(
                "email", "a@example.com",
                "what", "contact",
                "business", business + " Unknown Ltd",
                "statement", "yes"));
    HttpResponse<String> known =
        client.send(
            Map.of(
                "email", "not an address",
                "what", "contact",
                "business", business.toUpperCase(Locale.ROOT),
                "statement", "yes"));

    assertFieldError(none.body(), "business", "Enter the name of the business you wrote to.");
    assertFieldError(unknown.body(), "business", "We do not know a business by this name.");
    assertThat(known.body()).doesNotContain("id=\"business-error\"");
  }

  @Test
  void identifiers_are_checked_and_taken_only_where_the_choice_finds_people_by_them() {
    Client client = new Client();

    HttpResponse<String> badTelegram =
        client.send(
            Map.of(
                "email",
                "a@example.com",
                "what",
                "account",
                "telegram",
                "@ab",
                "statement",
                "yes"));
    HttpResponse<String> unusedPhone =
        client.send(
            Map.of(
                "email", "a@example.com",
                "what", "account",
                "phone", "+62 812 3456 7890",
                "statement", "yes"));
    HttpResponse<String> metaWithoutId =
        client.send(
            Map.of("email", "a@example.com", "what", "only:meta_platform", "statement", "yes"));
    HttpResponse<String> unknownChoice =
        client.send(Map.of("email", "a@example.com", "what", "only:workspace", "statement", "yes"));

    assertFieldError(badTelegram.body(), "telegram", "Enter a Telegram username");
    assertFieldError(unusedPhone.body(), "phone", "This is not used for “My whole account”");
    assertFieldError(metaWithoutId.body(), "meta_user_id", "needs your Facebook user ID.");
    assertFieldError(unknownChoice.body(), "what", "Choose what we should delete.");
  }

  @Test
  void the_bot_check_refuses_forms_sent_too_fast_forged_or_with_the_trap_filled() {
    Client client = new Client();
    Map<String, String> fields =
        Map.of("email", "a@example.com", "what", "account", "statement", "yes");
    long before = requests();

    String shown = client.token();
    HttpResponse<String> fast = client.post(with(fields, "token", shown));
    HttpResponse<String> forged = client.post(with(fields, "token", "1.abc.def"));
    HttpResponse<String> trapped = client.send(with(fields, "website", "https://spam.example"));

    assertFieldError(fast.body(), "submit", "That was faster than a person fills in this form.");
    assertFieldError(forged.body(), "submit", "This form could not be checked.");
    assertFieldError(trapped.body(), "submit", "a field meant to stay empty was filled in");
    assertThat(tokenIn(fast.body())).isNotEqualTo(shown);
    assertThat(requests()).isEqualTo(before);
  }

  @Test
  void too_many_forms_from_one_address_are_refused_until_the_window_has_passed() {
    Client client = new Client();
    for (int i = 0; i < 4; i++) {
      assertThat(client.post(Map.of("what", "account")).statusCode()).isEqualTo(400);
    }

    HttpResponse<String> limited = client.post(Map.of("what", "account"));
    HttpResponse<String> elsewhere = new Client().post(Map.of("what", "account"));

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertFieldError(limited.body(), "submit", "Too many forms were sent from your network.");
    assertThat(elsewhere.statusCode()).isEqualTo(400);
  }

  @Test
  void too_many_requests_for_one_address_are_refused_and_a_repeat_mails_a_fresh_link() {
    String email = membershipOnlyAccounts().get(1);
    Map<String, String> fields = Map.of("email", email, "what", "account", "statement", "yes");
    long before = requests();

    HttpResponse<String> first = new Client().send(fields);
    HttpResponse<String> repeated = new Client().send(fields);
    HttpResponse<String> third = new Client().send(fields);

    assertThat(first.statusCode()).isEqualTo(303);
    assertThat(repeated.statusCode()).isEqualTo(303);
    assertThat(third.statusCode()).isEqualTo(429);
    assertFieldError(third.body(), "email", "Too many requests were made for this e-mail address.");
    assertThat(requests()).isEqualTo(before + 1);
    assertThat(awaitMails(email, "verification", 2)).hasSize(2);
  }

  @Test
  void a_whole_account_request_is_confirmed_with_the_mailed_code_and_carried_out() {
    String email = membershipOnlyAccounts().get(0);
    Client client = new Client();
    int logged = logged();
    long before = requests();

    HttpResponse<String> sent =
        client.send(
            Map.of(
                "email", email,
                "name", "Canary Person",
                "what", "account",
                "jurisdiction", "EU",
                "language", "id",
                "statement", "yes"));

    assertThat(sent.statusCode()).isEqualTo(303);
    String location = sent.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/data-deletion/request/sent?ref=");
    assertThat(requests()).isEqualTo(before + 1);
    assertThat(
            Sql.strings(
                server.state(),
                "SELECT state || ' ' || source || ' ' || jurisdiction FROM lethe_requests"
                    + " ORDER BY received_at DESC LIMIT 1"))
        .containsExactly("awaiting_verification web_form EU");
    OutgoingMail verification = awaitMails(email, "verification", 1).getFirst();
    assertThat(verification.language()).isEqualTo("id");
    assertThat(awaitMails(email, "acknowledgement", 1)).hasSize(1);

    String ref = location.substring(location.indexOf("ref=") + 4);
    HttpResponse<String> page = client.get("/data-deletion/request/sent?ref=" + ref);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Check your e-mail", "name=\"code\"");
    String code = codeIn(verification.text());
    String wrong = code.equals("000000") ? "111111" : "000000";
    HttpResponse<String> refused =
        client.post("/data-deletion/request/sent", Map.of("ref", ref, "code", wrong));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertFieldError(refused.body(), "code", "This code is wrong.");

    HttpResponse<String> confirmed =
        client.post("/data-deletion/request/sent", Map.of("ref", decode(ref), "code", code));

    assertThat(confirmed.statusCode()).isEqualTo(200);
    Matcher confirmation =
        Pattern.compile("<code class=\"code\">([0-9A-Z]{24})</code>").matcher(confirmed.body());
    assertThat(confirmation.find()).isTrue();
    server.await(
        "/data-deletion/status?id=" + confirmation.group(1),
        null,
        body -> body.contains("\"state\":\"completed\""));
    assertThat(Sql.count(server.host(), "SELECT COUNT(*) FROM accounts WHERE email = ?", email))
        .isZero();
    assertThat(dump(server.state())).doesNotContain("Canary").doesNotContain(email);
    assertNotLoggedSince(logged, "canary", email);
  }

  @Test
  void a_request_naming_a_phone_number_is_acknowledged_and_left_to_staff() {
    List<Object> contact =
        Sql.firstValues(
            server.host(),
            "SELECT w.name, c.email, c.phone FROM contacts c JOIN workspaces w ON w.id ="
                + " c.workspace_id WHERE c.email IS NOT NULL AND c.phone IS NOT NULL AND w.name IN"
                + " (SELECT name FROM workspaces GROUP BY name HAVING COUNT(*) = 1) ORDER BY c.id"
                + " DESC");
    String email = (String) contact.get(1);
    // the same person may be a contact elsewhere too, with mails from another test
    int verifications = mails(email, "verification").size();
    int acknowledgements = mails(email, "acknowledgement").size();
    Client client = new Client();

    HttpResponse<String> sent =
        client.send(
            Map.of(
                "email",
                email,
                "what",
                "contact",
                "business",
                (String) contact.get(0),
                "phone",
                (String) contact.get(2),
                "statement",
                "yes"));

    assertThat(sent.statusCode()).isEqualTo(303);
    HttpResponse<String> page =
        client.get(
            sent.headers()
                .firstValue("Location")
                .orElseThrow()
                .replaceFirst("^https?://[^/]+", ""));
    assertThat(page.body())
        .contains("our staff check that they are yours")
        .doesNotContain("name=\"code\"");
    awaitMails(email, "acknowledgement", acknowledgements + 1);
    assertThat(mails(email, "verification")).hasSize(verifications);
    assertThat(
            Sql.strings(
                server.state(),
                "SELECT state FROM lethe_requests ORDER BY received_at DESC LIMIT 1"))
        .containsExactly("awaiting_verification");
  }

  @Test
  void the_verify_page_takes_the_confirmation_code_with_the_mailed_code() {
    List<Object> customer =
        Sql.firstValues(
            server.host(),
            "SELECT w.name, c.email FROM contacts c JOIN workspaces w ON w.id = c.workspace_id"
                + " WHERE c.email IS NOT NULL AND c.phone IS NULL AND w.name IN"
                + " (SELECT name FROM workspaces GROUP BY name HAVING COUNT(*) = 1) ORDER BY c.id");
    String email = (String) customer.get(1);
    // the same person may be a contact elsewhere too, with mails from another test: wait for this
    // request's own (the captured mail is newest first)
    int verifications = mails(email, "verification").size();
    int acknowledgements = mails(email, "acknowledgement").size();
    Client client = new Client();
    assertThat(
            client
                .send(
                    Map.of(
                        "email",
                        email,
                        "what",
                        "contact",
                        "business",
                        (String) customer.get(0),
                        "statement",
                        "yes"))
                .statusCode())
        .isEqualTo(303);
    String code = codeIn(awaitMails(email, "verification", verifications + 1).getFirst().text());
    String confirmation =
        confirmationIn(
            awaitMails(email, "acknowledgement", acknowledgements + 1).getFirst().text());

    HttpResponse<String> form = client.get("/data-deletion/verify");
    HttpResponse<String> unknown =
        client.post(
            "/data-deletion/verify/code",
            Map.of("confirmation_code", "0123456789ABCDEFGHJKMNPQ", "code", code));
    HttpResponse<String> verified =
        client.post(
            "/data-deletion/verify/code",
            Map.of("confirmation_code", confirmation.toLowerCase(Locale.ROOT), "code", code));

    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("name=\"confirmation_code\"", "name=\"code\"");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertFieldError(
        unknown.body(), "confirmation_code", "We know no request with this confirmation code.");
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    assertThat(verified.body()).contains("Deletion request confirmed", confirmation);
  }

  @Test
  void refusals_are_written_in_indonesian_for_indonesian_readers() {
    Client client = new Client().inLanguage("id");

    HttpResponse<String> answer = client.send(Map.of("what", "account"));

    assertThat(answer.body()).contains("<html lang=\"id\"");
    assertFieldError(answer.body(), "email", "Masukkan alamat e-mail Anda.");
    assertFieldError(answer.body(), "statement", "Nyatakan bahwa Anda adalah orang");
  }

  @Test
  void public_pages_answer_with_headers_that_keep_them_to_themselves() {
    HttpResponse<String> page = new Client().get("/data-deletion");
    HttpResponse<String> lookup = new Client().get("/data-deletion/status");
    HttpResponse<String> style = new Client().get("/data-deletion/assets/pages.css");

    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            p -> assertThat(p).contains("default-src 'none'", "frame-ancestors 'none'"));
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(lookup.statusCode()).isEqualTo(200);
    assertThat(lookup.body()).contains("name=\"id\"");
    assertThat(style.statusCode()).isEqualTo(200);
    assertThat(style.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(c -> assertThat(c).contains("max-age=3600"));
  }

  /** A browser-less person at an address of their own. */
  static final class Client {
    private final String address = "10.0.0." + ADDRESSES.getAndIncrement();
    private String language = "en";

    Client inLanguage(String tag) {
      language = tag;
      return this;
    }

    HttpResponse<String> get(String path) {
      return server.send(
          server
              .to(path)
              .header("X-Forwarded-For", address)
              .header("Accept-Language", language)
              .GET());
    }

    String token() {
      return tokenIn(get("/data-deletion/request").body());
    }

    /** Shows the form, takes the time a person would, and sends it. */
    HttpResponse<String> send(Map<String, String> fields) {
      String token = token();
      try {
        Thread.sleep(FILL_TIME.toMillis() + 100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return post(with(fields, "token", token));
    }

    HttpResponse<String> post(Map<String, String> fields) {
      return post("/data-deletion/request", fields);
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
      String body =
          fields.entrySet().stream()
              .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
              .collect(Collectors.joining("&"));
      return server.send(
          server
              .to(path)
              .header("X-Forwarded-For", address)
              .header("Accept-Language", language)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
  }

  private static Map<String, String> with(Map<String, String> fields, String name, String value) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put(name, value);
    return all;
  }

  private static void assertFieldError(String html, String field, String message) {
    Matcher error =
        Pattern.compile("<p class=\"error\" id=\"" + Pattern.quote(field) + "-error\">([^<]*)</p>")
            .matcher(html);
    assertThat(error.find()).as("an error next to %s", field).isTrue();
    assertThat(error.group(1)).contains(message);
    Matcher described =
        Pattern.compile(
                "id=\""
                    + Pattern.quote(field)
                    + "\"[^>]*aria-describedby=\"[^\"]*"
                    + Pattern.quote(field)
                    + "-error")
            .matcher(html);
    Matcher describedGroup =
        Pattern.compile("aria-describedby=\"" + Pattern.quote(field) + "-error\"").matcher(html);
    assertThat(described.find() || describedGroup.find())
        .as("%s described by its error", field)
        .isTrue();
  }

  private static String tokenIn(String html) {
    Matcher m = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("a form token").isTrue();
    return m.group(1);
  }

  private static String codeIn(String text) {
    Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(text);
    assertThat(m.find()).as("a six-digit code").isTrue();
    return m.group(1);
  }

  private static String confirmationIn(String text) {
    Matcher m = Pattern.compile("\\b([0-9A-Z]{24})\\b").matcher(text);
    assertThat(m.find()).as("a confirmation code").isTrue();
    return m.group(1);
  }

  private static long requests() {
    return Sql.count(server.state(), "SELECT COUNT(*) FROM lethe_requests");
  }

  private static String uniqueBusiness() {
    return Sql.strings(
            server.host(),
            "SELECT name FROM workspaces GROUP BY name HAVING COUNT(*) = 1 ORDER BY name")
        .getFirst();
  }

  /** Accounts that own no workspace: erasing them takes nothing other tests use. */
  private static List<String> membershipOnlyAccounts() {
    return Sql.strings(
        server.host(),
        "SELECT a.email FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM workspaces w WHERE"
            + " w.owner_account_id = a.id) AND a.email IN (SELECT email FROM accounts GROUP BY email"
            + " HAVING COUNT(*) = 1) ORDER BY a.id");
  }

  private static List<OutgoingMail> mails(String to, String kind) {
    return server.bean(CapturingMailer.class).captured().stream()
        .map(CapturingMailer.CapturedMail::mail)
        .filter(m -> m.to().equals(to) && m.kind().equals(kind))
        .toList();
  }

  private static List<OutgoingMail> awaitMails(String to, String kind, int count) {
    Instant until = Instant.now().plus(Duration.ofSeconds(30));
    while (mails(to, kind).size() < count) {
      assertThat(Instant.now()).as("%s %s mails", count, kind).isBefore(until);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return mails(to, kind);
  }

  private static String dump(javax.sql.DataSource state) {
    StringBuilder all = new StringBuilder();
    for (String table :
        List.of(
            "lethe_requests",
            "lethe_request_events",
            "lethe_request_identities",
            "lethe_request_contacts")) {
      Sql.rows(state, "SELECT * FROM " + table).forEach(row -> all.append(row).append('\n'));
    }
    return all.toString();
  }

  private static int logged() {
    synchronized (LOGS) {
      return LOGS.list.size();
    }
  }

  private static void assertNotLoggedSince(int from, String... values) {
    List<ILoggingEvent> events;
    synchronized (LOGS) {
      events = List.copyOf(LOGS.list.subList(from, LOGS.list.size()));
    }
    assertThat(events).as("log lines at DEBUG").isNotEmpty();
    for (ILoggingEvent event : events) {
      String line =
          (event.getFormattedMessage()
                  + (event.getThrowableProxy() == null
                      ? ""
                      : ThrowableProxyUtil.asString(event.getThrowableProxy())))
              .toLowerCase(Locale.ROOT);
      for (String value : values) {
        assertThat(line).doesNotContain(value.toLowerCase(Locale.ROOT));
      }
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String decode(String value) {
    return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
