package dev.lethe.core.mail;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how {@link SmtpMailer} hands mail over. Start from {@link #of} and add what the server
 * needs; {@link #toString()} never shows the password.
 *
 * @param timeout applies to connecting, reading and writing each
 */
public record SmtpSettings(
    String host,
    int port,
    Security security,
    Optional<String> username,
    Optional<String> password,
    String from,
    Optional<String> replyTo,
    Duration timeout) {

  public SmtpSettings {
    Texts.requireText(host, "host");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 1 and 65535");
    }
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (username.isPresent() != password.isPresent()) {
      throw new IllegalArgumentException("username and password go together");
    }
    Texts.requireText(from, "from");
    Objects.requireNonNull(replyTo, "replyTo");
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
  }

  /** No login, no TLS, a 30-second timeout. */
  public static SmtpSettings of(String host, int port, String from) {
    return new SmtpSettings(
        host,
        port,
        Security.NONE,
        Optional.empty(),
        Optional.empty(),
        from,
        Optional.empty(),
        Duration.ofSeconds(30));
  }

  public SmtpSettings withLogin(String username, String password) {
    return new SmtpSettings(
        host, port, security, Optional.of(username), Optional.of(password), from, replyTo, timeout);
  }

  public SmtpSettings withSecurity(Security security) {
    return new SmtpSettings(host, port, security, username, password, from, replyTo, timeout);
  }

  public SmtpSettings withReplyTo(String replyTo) {
    return new SmtpSettings(
        host, port, security, username, password, from, Optional.of(replyTo), timeout);
  }

  public SmtpSettings withTimeout(Duration timeout) {
    return new SmtpSettings(host, port, security, username, password, from, replyTo, timeout);
  }

  @Override
  public String toString() {
    return "SmtpSettings[host=%s, port=%d, security=%s, login=%s, timeout=%s]"
        .formatted(host, port, security, username.isPresent(), timeout);
  }

  /** How the connection is protected. */
  public enum Security {
    /** Plain SMTP; only for a relay on the same host or network. */
    NONE,
    /** Plain connection upgraded with STARTTLS, which is required (usually port 587). */
    STARTTLS,
    /** TLS from the first byte (SMTPS, usually port 465). */
    SSL
  }
}
