package dev.lethe.core.mail;

/**
 * A rendered mail ready for a {@link Mailer}. The recipient travels only here, in the envelope;
 * {@link #toString()} leaves it and the bodies out so a logged mail discloses nothing.
 *
 * @param kind the message kind, e.g. {@code confirmation}
 * @param language the language the mail was rendered in, after fallback
 */
public record OutgoingMail(
    String to, String kind, String language, String subject, String text, String html) {

  public OutgoingMail {
    Texts.requireText(to, "recipient");
    Texts.requireText(kind, "kind");
    Texts.requireText(language, "language");
    Texts.requireText(subject, "subject");
    Texts.requireText(text, "text");
    Texts.requireText(html, "html");
  }

  @Override
  public String toString() {
    return "OutgoingMail[kind=" + kind + ", language=" + language + "]";
  }
}
