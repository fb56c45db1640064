package dev.lethe.core.mail;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/** Tells the person their request was received, with its confirmation code and due date. */
public record Acknowledgement(
    String confirmationCode, URI statusUrl, Instant receivedAt, Instant dueAt)
    implements MailMessage {

  public Acknowledgement {
    Texts.requireText(confirmationCode, "confirmationCode");
    Objects.requireNonNull(statusUrl, "statusUrl");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(dueAt, "dueAt");
    if (dueAt.isBefore(receivedAt)) {
      throw new IllegalArgumentException("due date is before the request was received");
    }
  }

  @Override
  public String kind() {
    return "acknowledgement";
  }
}
