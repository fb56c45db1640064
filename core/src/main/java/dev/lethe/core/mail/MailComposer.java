package dev.lethe.core.mail;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a {@link MailMessage} into an {@link OutgoingMail}: subject, plain text and HTML from the
 * templates under {@code lethe/mail/<language>/}, dates in the configured time zone and the
 * language's conventions. A language without templates falls back to English.
 */
public final class MailComposer {
  private final ZoneId zone;
  private final MailTemplates templates;

  public MailComposer(ZoneId zone) {
    this(zone, new MailTemplates(MailComposer.class.getClassLoader()));
  }

  MailComposer(ZoneId zone, MailTemplates templates) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.templates = templates;
  }

  /**
   * @param languageTag a BCP 47 tag such as {@code id} or {@code en-GB}; null or unknown means
   *     English
   * @param to the recipient address, kept out of the message and the templates
   */
  public OutgoingMail compose(MailMessage message, String languageTag, String to) {
    String language = templates.resolve(message.kind(), languageTag);
    Locale locale = Locale.forLanguageTag(language);
    Map<String, Object> fields = new TemplateFields(locale, zone).of(message);
    return new OutgoingMail(
        to,
        message.kind(),
        language,
        templates.subject(language, message.kind()).execute(fields).strip(),
        templates.text(language, message.kind()).execute(fields),
        templates.html(language, message.kind()).execute(fields));
  }
}
