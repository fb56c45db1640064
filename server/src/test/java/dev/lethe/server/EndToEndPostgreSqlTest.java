package dev.lethe.server;

import static dev.lethe.server.Sql.count;
import static dev.lethe.server.Sql.firstValues;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.lethe.core.apikey.ApiKeys;
import dev.lethe.core.ledger.Ledger;
import dev.lethe.core.ledger.LedgerEntry;
import dev.lethe.platform.ReferencePlatform;
import dev.lethe.platform.generator.PlatformGenerator;
import dev.lethe.platform.testing.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on PostgreSQL, with mail going out over SMTP to a real server in-process: a
 * product's API call and a Meta callback each lead to the data being gone, the status page showing
 * completed, the receipt in the ledger and the confirmation mail delivered — and, with every logger
 * at DEBUG, the person's e-mail, phone and Meta id in no log line.
 */
class EndToEndPostgreSqlTest {

  static final String CANARY_EMAIL = "Canary.Person.7f3a9@example.com";
  static final String CANARY_PHONE = "+62 811-9999-0431";
  static final String CANARY_DIGITS = "81199990431";
  static final String META_SECRET = "end-to-end-meta-secret-01";
  static final String KEY = ApiKeys.newToken();
  static final JsonMapper JSON = JsonMapper.builder().build();

  TestDatabase state;
  TestDatabase host;
  GreenMail smtp;
  RunningServer server;
  ListAppender<ILoggingEvent> logs = new ListAppender<>();
  Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void setUp() throws Exception {
    state = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
    host = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
    Path files = Files.createTempDirectory("lethe-e2e-files");
    ReferencePlatform.createSchema(host.dataSource());
    new PlatformGenerator(PlatformGenerator.Sizes.small(), 7, PlatformGenerator.REFERENCE_NOW)
        .withFiles(files)
        .generate(host.dataSource());
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    server =
        RunningServer.start(
            "--lethe.data-dir=" + Files.createTempDirectory("lethe-e2e"),
            "--lethe.state.url=" + state.url(),
            "--lethe.state.username=" + state.user(),
            "--lethe.host.url=" + host.url(),
            "--lethe.host.username=" + host.user(),
            "--lethe.host.files=" + files,
            "--lethe.meta.apps[0].name=crm",
            "--lethe.meta.apps[0].secret=" + META_SECRET,
            "--lethe.api.key=" + KEY,
            "--lethe.mail.mode=smtp",
            "--lethe.mail.smtp.host=127.0.0.1",
            "--lethe.mail.smtp.port=" + smtp.getSmtp().getPort(),
            "--lethe.mail.smtp.security=none",
            "--lethe.mail.smtp.from=privacy@crm.example",
            "--lethe.execution.polling-interval=200ms",
            "--lethe.execution.retry-backoff=1s",
            "--logging.level.root=DEBUG");
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void tearDown() {
    root.detachAppender(logs);
    server.close();
    smtp.stop();
    state.close();
    host.close();
  }

  @Test
  void a_delete_contact_call_erases_the_contact_proves_it_and_mails_the_deletion_id() {
    List<Object> contact =
        firstValues(
            host.dataSource(),
            "SELECT c.id, c.workspace_id FROM contacts c WHERE EXISTS (SELECT 1 FROM conversations v"
                + " JOIN messages m ON m.conversation_id = v.id WHERE v.contact_id = c.id)"
                + " ORDER BY c.id");
    Object id = contact.get(0);
    Object workspace = contact.get(1);
    update(
        "UPDATE contacts SET email = ?, phone = ?, wa_id = ? WHERE id = ?",
        CANARY_EMAIL.toLowerCase(Locale.ROOT),
        "+" + "62" + CANARY_DIGITS,
        "62" + CANARY_DIGITS,
        id);
    long messages = messagesOf(id);
    long others = count(host.dataSource(), "SELECT COUNT(*) FROM messages") - messages;
    assertThat(messages).isPositive();

    HttpResponse<String> created =
        server.post(
            "/v1/requests",
            KEY,
            "{\"scope\":\"contact\",\"workspace\":\""
                + workspace
                + "\",\"source\":\"self_service\",\"jurisdiction\":\"ID\","
                + "\"identities\":[{\"kind\":\"email\",\"value\":\""
                + CANARY_EMAIL
                + "\"},{\"kind\":\"phone\",\"value\":\""
                + CANARY_PHONE
                + "\"}],\"contact\":{\"email\":\""
                + CANARY_EMAIL
                + "\",\"language\":\"en\"}}");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode request = JSON.readTree(created.body());
    String code = request.get("confirmation_code").asString();
    String requestId = request.get("id").asString();

    String status = awaitCompleted(code);

    assertThat(count(host.dataSource(), "SELECT COUNT(*) FROM contacts WHERE id = ?", id)).isZero();
    assertThat(messagesOf(id)).isZero();
    assertThat(count(host.dataSource(), "SELECT COUNT(*) FROM messages")).isEqualTo(others);
    assertThat(status).contains("\"state\":\"completed\"", "\"entity\":\"messages\"");
    HttpResponse<String> page =
        server.send(
            server.to("/data-deletion/status?id=" + code).header("Accept", "text/html").GET());
    assertThat(page.body()).contains("completed", "What was deleted");
    assertThat(receiptsOf(requestId)).hasSize(1);
    assertThat(server.bean(Ledger.class).verify().intact()).isTrue();
    List<MimeMessage> mails = mailsTo(CANARY_EMAIL.toLowerCase(Locale.ROOT), 2);
    assertThat(mails.stream().map(GreenMailUtil::getBody).toList())
        .anySatisfy(body -> assertThat(body).contains(code));
    assertThat(mails.stream().map(this::subject).toList())
        .anySatisfy(subject -> assertThat(subject).containsIgnoringCase("deleted"));
    assertThat(Sql.values(state.dataSource(), "SELECT * FROM lethe_request_contacts")).isEmpty();
    assertNoCanaryIn(logged());
    assertNoCanaryIn(Sql.values(state.dataSource(), "SELECT * FROM lethe_requests").toString());
  }

  @Test
  void a_meta_callback_erases_the_meta_users_channels_and_records_the_receipt() {
    String user =
        (String)
            firstValues(
                    host.dataSource(),
                    "SELECT connected_by_meta_user_id FROM channels"
                        + " WHERE connected_by_meta_user_id IS NOT NULL ORDER BY id")
                .get(0);
    String signed = MetaSigning.signedRequest(META_SECRET, user, Instant.now().getEpochSecond());

    HttpResponse<String> answer =
        server.form(
            "/api/data-deletion",
            "signed_request=" + URLEncoder.encode(signed, StandardCharsets.UTF_8));

    assertThat(answer.statusCode()).isEqualTo(200);
    String code = JSON.readTree(answer.body()).get("confirmation_code").asString();
    awaitCompleted(code);
    assertThat(
            count(
                host.dataSource(),
                "SELECT COUNT(*) FROM channels WHERE connected_by_meta_user_id = ?",
                user))
        .isZero();
    String requestId =
        (String)
            firstValues(
                    state.dataSource(),
                    "SELECT id FROM lethe_requests WHERE confirmation_code = ?",
                    code)
                .get(0);
    assertThat(receiptsOf(requestId)).hasSize(1);
    assertThat(receiptsOf(requestId).get(0).body()).doesNotContain(user);
    assertThat(logged()).allSatisfy(e -> assertThat(line(e)).doesNotContain(user));
  }

  private String awaitCompleted(String code) {
    return server.await(
        "/data-deletion/status?id=" + code, null, body -> body.contains("\"state\":\"completed\""));
  }

  private List<LedgerEntry> receiptsOf(String requestId) {
    return server.bean(Ledger.class).byReference(requestId);
  }

  private List<MimeMessage> mailsTo(String address, int expected) {
    assertThat(smtp.waitForIncomingEmail(30_000, expected)).isTrue();
    return List.of(smtp.getReceivedMessages()).stream()
        .filter(
            m ->
                GreenMailUtil.getAddressList(recipients(m))
                    .toLowerCase(Locale.ROOT)
                    .contains(address.toLowerCase(Locale.ROOT)))
        .toList();
  }

  private static jakarta.mail.Address[] recipients(MimeMessage message) {
    try {
      return message.getAllRecipients();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private long messagesOf(Object contact) {
    return count(
        host.dataSource(),
        "SELECT COUNT(*) FROM messages m JOIN conversations v ON v.id = m.conversation_id"
            + " WHERE v.contact_id = ?",
        contact);
  }

  private void update(String sql, Object... args) {
    try (var c = host.dataSource().getConnection();
        var s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      assertThat(s.executeUpdate()).isEqualTo(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The lines captured so far: the server's threads go on logging while a test reads them. */
  private List<ILoggingEvent> logged() {
    synchronized (logs) {
      return List.copyOf(logs.list);
    }
  }

  private static String line(ILoggingEvent event) {
    String thrown =
        event.getThrowableProxy() == null
            ? ""
            : ThrowableProxyUtil.asString(event.getThrowableProxy());
    return event.getFormattedMessage() + thrown;
  }

  private static void assertNoCanaryIn(List<ILoggingEvent> events) {
    assertThat(events).as("log lines captured").isNotEmpty();
    assertThat(events.stream().map(e -> e.getLevel()).distinct().toList()).contains(Level.DEBUG);
    for (ILoggingEvent event : events) {
      // the in-process SMTP server stands for the person's mail provider; its logs are not ours
      if (!event.getLoggerName().startsWith("com.icegreen")) {
        assertNoCanaryIn(line(event));
      }
    }
  }

  private static void assertNoCanaryIn(String text) {
    assertThat(text.toLowerCase(Locale.ROOT))
        .doesNotContain(CANARY_EMAIL.toLowerCase(Locale.ROOT))
        .doesNotContain("canary.person")
        .doesNotContain(CANARY_DIGITS);
  }
}
