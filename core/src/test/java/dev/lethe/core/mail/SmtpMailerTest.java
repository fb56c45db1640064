package dev.lethe.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.lethe.core.mail.MailDeliveryException.Reason;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SmtpMailerTest {
  private static final String RECIPIENT = "person@example.test";

  @RegisterExtension
  static final GreenMailExtension server =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("lethe", "s3cret"));

  private final MailComposer composer = new MailComposer(ZoneId.of("Asia/Jakarta"));

  private SmtpSettings settings() {
    return SmtpSettings.of("127.0.0.1", server.getSmtp().getPort(), "privacy@example.test")
        .withReplyTo("support@example.test")
        .withTimeout(Duration.ofSeconds(5));
  }

  static Stream<Arguments> messagesAndLanguages() {
    return Stream.of(
        Arguments.of(
            Mails.acknowledgement(),
            "en",
            "We received your data deletion request (ABC123)",
            "ABC123",
            "ABC123"),
        Arguments.of(
            Mails.acknowledgement(),
            "id",
            "Permintaan penghapusan data Anda sudah kami terima (ABC123)",
            "ABC123",
            "ABC123"),
        Arguments.of(
            Mails.verification(), "en", "Confirm your data deletion request", "482913", "482913"),
        Arguments.of(
            Mails.verification(),
            "id",
            "Konfirmasi permintaan penghapusan data Anda",
            "482913",
            "482913"),
        Arguments.of(
            Mails.confirmation(),
            "en",
            "Your data has been deleted (deletion ID ABC123)",
            "Deletion ID: ABC123",
            "<strong>ABC123</strong>"),
        Arguments.of(
            Mails.confirmation(),
            "id",
            "Data pribadi Anda telah dihapus (ID penghapusan ABC123)",
            "ID penghapusan: ABC123",
            "<strong>ABC123</strong>"),
        Arguments.of(
            Mails.rejection("Identity not confirmed"),
            "en",
            "We could not carry out your data deletion request (ABC123)",
            "Identity not confirmed",
            "Identity not confirmed"),
        Arguments.of(
            Mails.rejection("Identitas tidak terverifikasi"),
            "id",
            "Permintaan penghapusan data Anda tidak dapat kami proses (ABC123)",
            "Identitas tidak terverifikasi",
            "Identitas tidak terverifikasi"));
  }

  @ParameterizedTest
  @MethodSource("messagesAndLanguages")
  void each_message_arrives_with_its_subject_and_utf8_text_and_html(
      MailMessage message, String language, String subject, String inText, String inHtml)
      throws Exception {
    new SmtpMailer(settings()).send(composer.compose(message, language, RECIPIENT));

    MimeMessage received = onlyReceived();
    assertThat(received.getSubject()).isEqualTo(subject);
    assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly(RECIPIENT);
    assertThat(received.getHeader("Content-Language", null)).isEqualTo(language);
    MimeMultipart parts = (MimeMultipart) received.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(part(parts, 0).getContentType())
        .containsIgnoringCase("text/plain")
        .containsIgnoringCase("charset=UTF-8");
    assertThat(part(parts, 1).getContentType())
        .containsIgnoringCase("text/html")
        .containsIgnoringCase("charset=UTF-8");
    assertThat((String) part(parts, 0).getContent()).contains(inText);
    assertThat((String) part(parts, 1).getContent())
        .contains(inHtml)
        .contains("lang=\"" + language + "\"");
  }

  @Test
  void non_ascii_text_and_local_dates_survive_the_trip() throws Exception {
    new SmtpMailer(settings())
        .send(composer.compose(Mails.rejection("Ünïcödé — ok"), "id", RECIPIENT));
    new SmtpMailer(settings()).send(composer.compose(Mails.confirmation(), "id", RECIPIENT));

    MimeMessage[] received = server.getReceivedMessages();
    MimeMultipart rejection = (MimeMultipart) received[0].getContent();
    MimeMultipart confirmation = (MimeMultipart) received[1].getContent();
    assertThat((String) part(rejection, 0).getContent()).contains("Alasan: Ünïcödé — ok");
    assertThat((String) part(confirmation, 0).getContent())
        .contains("Selesai: 5 Juli 2026")
        .contains("(Asia/Jakarta)");
  }

  @Test
  void the_reason_is_html_escaped_in_the_html_part() throws Exception {
    new SmtpMailer(settings())
        .send(composer.compose(Mails.rejection("<script>alert(1)</script>"), "en", RECIPIENT));

    MimeMultipart parts = (MimeMultipart) onlyReceived().getContent();
    assertThat((String) part(parts, 1).getContent())
        .doesNotContain("<script>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void the_mail_carries_our_message_id_sender_and_reply_to() throws Exception {
    String messageId =
        new SmtpMailer(settings()).send(composer.compose(Mails.acknowledgement(), "en", RECIPIENT));

    MimeMessage received = onlyReceived();
    assertThat(received.getMessageID()).isEqualTo(messageId).endsWith("@example.test>");
    assertThat(received.getFrom())
        .extracting(Object::toString)
        .containsExactly("privacy@example.test");
    assertThat(received.getReplyTo())
        .extracting(Object::toString)
        .containsExactly("support@example.test");
  }

  @Test
  void it_logs_in_with_username_and_password() throws Exception {
    new SmtpMailer(settings().withLogin("lethe", "s3cret"))
        .send(composer.compose(Mails.acknowledgement(), "en", RECIPIENT));

    assertThat(onlyReceived().getSubject()).contains("ABC123");
  }

  @Test
  void a_wrong_password_is_reported_as_a_refused_login() {
    SmtpMailer mailer = new SmtpMailer(settings().withLogin("lethe", "wrong"));
    OutgoingMail mail = composer.compose(Mails.acknowledgement(), "en", RECIPIENT);

    assertThatThrownBy(() -> mailer.send(mail))
        .isInstanceOfSatisfying(
            MailDeliveryException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED))
        .message()
        .doesNotContain(RECIPIENT)
        .doesNotContain("wrong");
  }

  @Test
  void an_unreachable_server_gives_a_delivery_failure_that_names_no_recipient() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SmtpMailer mailer =
        new SmtpMailer(
            SmtpSettings.of("127.0.0.1", closedPort, "privacy@example.test")
                .withTimeout(Duration.ofSeconds(2)));
    OutgoingMail mail = composer.compose(Mails.confirmation(), "en", RECIPIENT);

    assertThatThrownBy(() -> mailer.send(mail))
        .isInstanceOfSatisfying(
            MailDeliveryException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.SERVER_UNREACHABLE);
              assertThat(e.getCause()).isNull();
            })
        .hasMessageContaining("confirmation")
        .hasMessageContaining("127.0.0.1:" + closedPort)
        .message()
        .doesNotContain(RECIPIENT)
        .doesNotContain("person");
  }

  @Test
  void an_invalid_recipient_is_refused_without_repeating_it() {
    SmtpMailer mailer = new SmtpMailer(settings());
    OutgoingMail mail = composer.compose(Mails.acknowledgement(), "en", "not an address@@");

    assertThatThrownBy(() -> mailer.send(mail))
        .isInstanceOfSatisfying(
            MailDeliveryException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ADDRESS))
        .message()
        .doesNotContain("not an address");
  }

  @Test
  void the_settings_never_print_the_password() {
    assertThat(settings().withLogin("lethe", "s3cret").toString()).doesNotContain("s3cret");
  }

  private static MimeMessage onlyReceived() {
    MimeMessage[] received = server.getReceivedMessages();
    assertThat(received).hasSize(1);
    return received[0];
  }

  private static BodyPart part(MimeMultipart parts, int index) throws Exception {
    return parts.getBodyPart(index);
  }
}
