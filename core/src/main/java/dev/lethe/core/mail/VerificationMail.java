package dev.lethe.core.mail;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks the person to prove the request is theirs: a link carrying a one-time token, a short code to
 * type in, or both. Nothing is deleted until they do.
 */
public record VerificationMail(Optional<URI> link, Optional<String> code, Instant expiresAt)
    implements MailMessage {

  public VerificationMail {
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (link.isEmpty() && code.isEmpty()) {
      throw new IllegalArgumentException("a verification mail needs a link, a code or both");
    }
    code.ifPresent(c -> Texts.requireText(c, "code"));
  }

  public static VerificationMail withLink(URI link, Instant expiresAt) {
    return new VerificationMail(Optional.of(link), Optional.empty(), expiresAt);
  }

  public static VerificationMail withCode(String code, Instant expiresAt) {
    return new VerificationMail(Optional.empty(), Optional.of(code), expiresAt);
  }

  public static VerificationMail withLinkAndCode(URI link, String code, Instant expiresAt) {
    return new VerificationMail(Optional.of(link), Optional.of(code), expiresAt);
  }

  @Override
  public String kind() {
    return "verification";
  }

  /** The link and the code are secrets: keep them out of logs. */
  @Override
  public String toString() {
    return "VerificationMail[expiresAt=" + expiresAt + "]";
  }
}
