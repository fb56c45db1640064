package dev.lethe.server.mail;

import dev.lethe.core.mail.CapturingMailer;
import dev.lethe.core.mail.MailComposer;
import dev.lethe.core.mail.Mailer;
import dev.lethe.core.mail.SmtpMailer;
import dev.lethe.core.mail.SmtpSettings;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mailer ({@code lethe.mail.mode}: SMTP, or captured in memory) and the mail composer. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

  @Bean
  Mailer mailer(MailProperties properties, Clock clock) {
    return switch (properties.mode().strip().toLowerCase(Locale.ROOT)) {
      case "capture" -> new CapturingMailer(properties.captureCapacity(), clock);
      case "smtp" -> new SmtpMailer(smtp(properties.smtp()), clock);
      default ->
          throw new IllegalStateException(
              "lethe.mail.mode must be capture or smtp, not '" + properties.mode() + "'");
    };
  }

  @Bean
  MailComposer mailComposer(MailProperties properties) {
    return new MailComposer(properties.zone().map(ZoneId::of).orElseGet(ZoneId::systemDefault));
  }

  private static SmtpSettings smtp(MailProperties.Smtp smtp) {
    String host =
        smtp.host().orElseThrow(() -> missing("lethe.mail.smtp.host (LETHE_MAIL_SMTP_HOST)"));
    String from =
        smtp.from().orElseThrow(() -> missing("lethe.mail.smtp.from (LETHE_MAIL_SMTP_FROM)"));
    SmtpSettings settings =
        SmtpSettings.of(host, smtp.port(), from)
            .withSecurity(
                SmtpSettings.Security.valueOf(smtp.security().strip().toUpperCase(Locale.ROOT)))
            .withTimeout(smtp.timeout());
    if (smtp.username().isPresent() != smtp.password().isPresent()) {
      throw new IllegalStateException(
          "set both lethe.mail.smtp.username and lethe.mail.smtp.password, or neither");
    }
    if (smtp.username().isPresent()) {
      settings = settings.withLogin(smtp.username().get(), smtp.password().get());
    }
    if (smtp.replyTo().isPresent()) {
      settings = settings.withReplyTo(smtp.replyTo().get());
    }
    return settings;
  }

  private static IllegalStateException missing(String what) {
    return new IllegalStateException("lethe.mail.mode=smtp needs " + what);
  }
}
