package dev.lethe.core.mail;

import java.util.Properties;

/** Jakarta Mail session properties for {@link SmtpSettings}. */
final class SmtpProperties {
  private SmtpProperties() {}

  static Properties of(SmtpSettings settings) {
    String timeout = Long.toString(settings.timeout().toMillis());
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", settings.host());
    p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
    p.setProperty("mail.smtp.connectiontimeout", timeout);
    p.setProperty("mail.smtp.timeout", timeout);
    p.setProperty("mail.smtp.writetimeout", timeout);
    p.setProperty("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
    p.setProperty("mail.mime.charset", "UTF-8");
    switch (settings.security()) {
      case NONE -> {}
      case STARTTLS -> {
        p.setProperty("mail.smtp.starttls.enable", "true");
        p.setProperty("mail.smtp.starttls.required", "true");
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
      }
      case SSL -> {
        p.setProperty("mail.smtp.ssl.enable", "true");
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
      }
    }
    return p;
  }
}
