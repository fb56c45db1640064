package dev.lethe.core.mail;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** One example of each message, with instants chosen so the date differs between zones. */
final class Mails {
  /** 01:30 on 5 July in Jakarta, still 4 July in UTC and New York. */
  static final Instant RECEIVED = Instant.parse("2026-07-04T18:30:00Z");

  static final URI STATUS = URI.create("https://example.test/data-deletion/status?id=ABC123");

  private Mails() {}

  static Acknowledgement acknowledgement() {
    return new Acknowledgement("ABC123", STATUS, RECEIVED, Instant.parse("2026-08-03T18:30:00Z"));
  }

  static VerificationMail verification() {
    return VerificationMail.withLinkAndCode(
        URI.create("https://example.test/verify?token=tok-7f3a"),
        "482913",
        Instant.parse("2026-07-05T18:30:00Z"));
  }

  static ConfirmationMail confirmation() {
    return new ConfirmationMail(
        "ABC123",
        RECEIVED,
        List.of(
            new ConfirmationMail.Deleted("Messages", 1204),
            new ConfirmationMail.Deleted("Contacts", 3)),
        List.of(
            new ConfirmationMail.Retained(
                "Invoices (anonymized)", "PP 80/2019", Instant.parse("2036-07-04T18:30:00Z"))),
        Instant.parse("2026-08-03T18:30:00Z"),
        STATUS);
  }

  static RejectionMail rejection(String reason) {
    return new RejectionMail("ABC123", reason, STATUS);
  }

  static List<MailMessage> all() {
    return List.of(
        acknowledgement(), verification(), confirmation(), rejection("Identity not confirmed"));
  }
}
