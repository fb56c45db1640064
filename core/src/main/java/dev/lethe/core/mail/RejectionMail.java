package dev.lethe.core.mail;

import java.net.URI;
import java.util.Objects;

/** Tells the person their request was refused, with the reason also shown on the status page. */
public record RejectionMail(String confirmationCode, String reason, URI statusUrl)
    implements MailMessage {

  public RejectionMail {
    Texts.requireText(confirmationCode, "confirmationCode");
    Texts.requireText(reason, "reason");
    Objects.requireNonNull(statusUrl, "statusUrl");
  }

  @Override
  public String kind() {
    return "rejection";
  }
}
