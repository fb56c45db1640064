package dev.lethe.server.mail;

import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lethe.mail.*}: how mail to the people behind requests is sent; see docs/configuration.md.
 *
 * @param mode {@code capture} (kept in memory and listed by the API: the demo, tests) or {@code
 *     smtp}
 * @param captureCapacity mails kept when capturing; older ones are dropped
 * @param zone the time zone dates are written in (the server's when empty)
 */
@ConfigurationProperties("lethe.mail")
public record MailProperties(
    @DefaultValue("capture") String mode,
    @DefaultValue("100") int captureCapacity,
    Optional<String> zone,
    @DefaultValue Smtp smtp) {

  public MailProperties {
    zone = zone == null ? Optional.empty() : zone;
  }

  /** The SMTP server; {@code security} is {@code none}, {@code starttls} or {@code ssl}. */
  public record Smtp(
      Optional<String> host,
      @DefaultValue("587") int port,
      @DefaultValue("starttls") String security,
      Optional<String> username,
      Optional<String> password,
      Optional<String> from,
      Optional<String> replyTo,
      @DefaultValue("30s") Duration timeout) {

    public Smtp {
      host = host == null ? Optional.empty() : host;
      username = username == null ? Optional.empty() : username;
      password = password == null ? Optional.empty() : password;
      from = from == null ? Optional.empty() : from;
      replyTo = replyTo == null ? Optional.empty() : replyTo;
    }
  }
}
