package dev.lethe.core.mail;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Tells the person their data is deleted: the deletion ID (the request's confirmation code), what
 * was deleted per category, what is kept with its legal basis and end date, and by when backups no
 * longer hold the data. Under UU PDP Art. 45 this is the notification of deletion.
 */
public record ConfirmationMail(
    String deletionId,
    Instant completedAt,
    List<Deleted> deleted,
    List<Retained> retained,
    Instant backupsPurgedBy,
    URI statusUrl)
    implements MailMessage {

  public ConfirmationMail {
    Texts.requireText(deletionId, "deletionId");
    Objects.requireNonNull(completedAt, "completedAt");
    deleted = List.copyOf(deleted);
    retained = List.copyOf(retained);
    Objects.requireNonNull(backupsPurgedBy, "backupsPurgedBy");
    Objects.requireNonNull(statusUrl, "statusUrl");
  }

  @Override
  public String kind() {
    return "confirmation";
  }

  /** How many items of one category were deleted, e.g. {@code ("Messages", 1204)}. */
  public record Deleted(String category, long count) {
    public Deleted {
      Texts.requireText(category, "category");
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative");
      }
    }
  }

  /** A category kept after the deletion, why, and until when. */
  public record Retained(String category, String legalBasis, Instant until) {
    public Retained {
      Texts.requireText(category, "category");
      Texts.requireText(legalBasis, "legalBasis");
      Objects.requireNonNull(until, "until");
    }
  }
}
