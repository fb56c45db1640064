package dev.lethe.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailComposerTest {
  private final MailComposer jakarta = new MailComposer(ZoneId.of("Asia/Jakarta"));

  @Test
  void every_message_renders_in_english_and_indonesian() {
    for (MailMessage message : Mails.all()) {
      assertThat(jakarta.compose(message, "en", "a@example.test").language()).isEqualTo("en");
      assertThat(jakarta.compose(message, "id", "a@example.test").language()).isEqualTo("id");
    }
  }

  @Test
  void a_language_without_templates_falls_back_to_english() {
    OutgoingMail french = jakarta.compose(Mails.acknowledgement(), "fr", "a@example.test");
    OutgoingMail none = jakarta.compose(Mails.acknowledgement(), null, "a@example.test");

    assertThat(french.language()).isEqualTo("en");
    assertThat(french.subject()).isEqualTo("We received your data deletion request (ABC123)");
    assertThat(none.language()).isEqualTo("en");
  }

  @Test
  void a_regional_tag_uses_its_language() {
    assertThat(jakarta.compose(Mails.acknowledgement(), "id-ID", "a@example.test").language())
        .isEqualTo("id");
  }

  @Test
  void dates_are_written_in_the_configured_zone_and_the_readers_language() {
    MailComposer newYork = new MailComposer(ZoneId.of("America/New_York"));

    assertThat(jakarta.compose(Mails.acknowledgement(), "en", "a@example.test").text())
        .contains("July 5, 2026")
        .contains("(Asia/Jakarta)")
        .contains("To be completed by: August 4, 2026");
    assertThat(jakarta.compose(Mails.acknowledgement(), "id", "a@example.test").text())
        .contains("5 Juli 2026")
        .contains("01.30")
        .contains("Selesai paling lambat: 4 Agustus 2026");
    assertThat(newYork.compose(Mails.acknowledgement(), "en", "a@example.test").text())
        .contains("July 4, 2026")
        .contains("(America/New_York)");
  }

  @Test
  void counts_are_written_the_way_the_reader_writes_numbers() {
    assertThat(jakarta.compose(Mails.confirmation(), "en", "a@example.test").text())
        .contains("- Messages: 1,204");
    assertThat(jakarta.compose(Mails.confirmation(), "id", "a@example.test").text())
        .contains("- Messages: 1.204");
  }

  @Test
  void the_confirmation_lists_what_is_kept_with_its_legal_basis_and_end_date() {
    String text = jakarta.compose(Mails.confirmation(), "en", "a@example.test").text();

    assertThat(text)
        .contains("Deletion ID: ABC123")
        .contains("- Invoices (anonymized): PP 80/2019, until July 5, 2036")
        .contains("By August 4, 2026")
        .doesNotContain("nothing");
  }

  @Test
  void a_confirmation_that_keeps_nothing_says_so() {
    ConfirmationMail keepsNothing =
        new ConfirmationMail(
            "XYZ789",
            Mails.RECEIVED,
            List.of(new ConfirmationMail.Deleted("Messages", 2)),
            List.of(),
            Mails.RECEIVED,
            Mails.STATUS);

    assertThat(jakarta.compose(keepsNothing, "id", "a@example.test").text())
        .contains("- tidak ada");
  }

  @Test
  void values_are_escaped_in_html_and_left_as_written_in_text() {
    OutgoingMail mail =
        jakarta.compose(
            Mails.rejection("<script>alert('x')</script> & more"), "en", "a@example.test");

    assertThat(mail.html())
        .doesNotContain("<script>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more");
    assertThat(mail.text()).contains("Reason: <script>alert('x')</script> & more");
  }

  @Test
  void a_verification_with_only_a_code_does_not_offer_a_link() {
    VerificationMail codeOnly =
        VerificationMail.withCode("482913", Instant.parse("2026-07-05T18:30:00Z"));

    OutgoingMail mail = jakarta.compose(codeOnly, "en", "a@example.test");

    assertThat(mail.text()).contains("Enter this code on the request page: 482913");
    assertThat(mail.text()).doesNotContain("Or enter").doesNotContain("Open this link");
    assertThat(mail.html()).doesNotContain("<a href");
  }

  @Test
  void a_verification_needs_a_link_or_a_code() {
    assertThatThrownBy(
            () ->
                new VerificationMail(
                    java.util.Optional.<URI>empty(), java.util.Optional.empty(), Mails.RECEIVED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_composed_mail_does_not_print_its_recipient_or_body() {
    OutgoingMail mail = jakarta.compose(Mails.confirmation(), "en", "person@example.test");

    assertThat(mail.toString()).doesNotContain("person@example.test").doesNotContain("ABC123");
    assertThat(Mails.verification().toString()).doesNotContain("482913").doesNotContain("tok-7f3a");
  }
}
