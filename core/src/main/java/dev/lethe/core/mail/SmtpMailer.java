package dev.lethe.core.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.UUID;

/**
 * Sends mail through an SMTP server with Jakarta Mail: multipart/alternative with a UTF-8 plain
 * text part and a UTF-8 HTML part, a Message-ID of our own, and timeouts on every socket step.
 */
public final class SmtpMailer implements Mailer {
  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private final SmtpSettings settings;
  private final Clock clock;
  private final Session session;
  private final InternetAddress from;
  private final InternetAddress[] replyTo;
  private final String messageIdDomain;

  public SmtpMailer(SmtpSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.session = Session.getInstance(SmtpProperties.of(settings));
    this.from = SmtpFailures.parseConfigured(settings.from(), "from");
    this.replyTo =
        settings.replyTo().stream()
            .map(address -> SmtpFailures.parseConfigured(address, "reply-to"))
            .toArray(InternetAddress[]::new);
    this.messageIdDomain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
  }

  public SmtpMailer(SmtpSettings settings) {
    this(settings, Clock.systemUTC());
  }

  @Override
  public String send(OutgoingMail mail) {
    String messageId = "<" + UUID.randomUUID() + "@" + messageIdDomain + ">";
    try {
      MimeMessage message = message(mail, messageId);
      if (settings.username().isPresent()) {
        Transport.send(message, settings.username().get(), settings.password().orElseThrow());
      } else {
        Transport.send(message);
      }
      return messageId;
    } catch (MessagingException e) {
      throw SmtpFailures.describe(e, mail.kind(), settings);
    }
  }

  private MimeMessage message(OutgoingMail mail, String messageId) throws MessagingException {
    MimeMessage message = new MessageWithId(session, messageId);
    message.setFrom(from);
    if (replyTo.length > 0) {
      message.setReplyTo(replyTo);
    }
    message.setRecipient(Message.RecipientType.TO, SmtpFailures.parseRecipient(mail.to()));
    message.setSubject(mail.subject(), UTF_8);
    message.setSentDate(Date.from(clock.instant()));
    message.setHeader("Content-Language", mail.language());
    // RFC 3834: tells auto-responders not to answer a machine-sent notification.
    message.setHeader("Auto-Submitted", "auto-generated");
    message.setContent(alternatives(mail));
    message.saveChanges();
    return message;
  }

  private static MimeMultipart alternatives(OutgoingMail mail) throws MessagingException {
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.text(), UTF_8, "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(mail.html(), UTF_8, "html");
    // Least preferred first, as RFC 2046 asks for multipart/alternative.
    return new MimeMultipart("alternative", text, html);
  }

  /** Keeps our Message-ID; Jakarta Mail would otherwise build one from the local user and host. */
  private static final class MessageWithId extends MimeMessage {
    private final String messageId;

    MessageWithId(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
