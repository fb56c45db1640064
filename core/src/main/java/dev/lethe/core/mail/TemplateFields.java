package dev.lethe.core.mail;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The values a template sees, with dates and numbers already written for the reader. */
final class TemplateFields {
  private final Locale locale;
  private final ZoneId zone;
  private final DateTimeFormatter date;
  private final DateTimeFormatter dateTime;

  TemplateFields(Locale locale, ZoneId zone) {
    this.locale = locale;
    this.zone = zone;
    this.date =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(zone);
    this.dateTime =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(zone);
  }

  Map<String, Object> of(MailMessage message) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("zone", zone.getId());
    switch (message) {
      case Acknowledgement a -> {
        fields.put("confirmationCode", a.confirmationCode());
        fields.put("statusUrl", a.statusUrl().toString());
        fields.put("receivedAt", dateTime(a.receivedAt()));
        fields.put("dueDate", date(a.dueAt()));
      }
      case VerificationMail v -> {
        v.link().ifPresent(link -> fields.put("link", link.toString()));
        v.code().ifPresent(code -> fields.put("code", code));
        fields.put("expiresAt", dateTime(v.expiresAt()));
      }
      case ConfirmationMail c -> {
        fields.put("deletionId", c.deletionId());
        fields.put("completedAt", dateTime(c.completedAt()));
        fields.put("deleted", c.deleted().stream().map(this::deleted).toList());
        fields.put("retained", c.retained().stream().map(this::retained).toList());
        fields.put("nothingRetained", c.retained().isEmpty());
        fields.put("backupsPurgedBy", date(c.backupsPurgedBy()));
        fields.put("statusUrl", c.statusUrl().toString());
      }
      case RejectionMail r -> {
        fields.put("confirmationCode", r.confirmationCode());
        fields.put("reason", r.reason());
        fields.put("statusUrl", r.statusUrl().toString());
      }
    }
    return fields;
  }

  private Map<String, Object> deleted(ConfirmationMail.Deleted d) {
    return Map.of(
        "category",
        d.category(),
        "count",
        NumberFormat.getIntegerInstance(locale).format(d.count()));
  }

  private Map<String, Object> retained(ConfirmationMail.Retained r) {
    return Map.of("category", r.category(), "legalBasis", r.legalBasis(), "until", date(r.until()));
  }

  private String date(Instant instant) {
    return date.format(instant);
  }

  private String dateTime(Instant instant) {
    return dateTime.format(instant);
  }
}
