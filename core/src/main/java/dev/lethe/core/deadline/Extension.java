package dev.lethe.core.deadline;

import java.time.Instant;
import java.util.Objects;

/**
 * An extension of the completion date: when it was decided, why, and by how much. The person must
 * be told, with the reason, before the original legal period ends; sending that notice is not done
 * here.
 */
public record Extension(Instant decidedAt, String reason, Span by, Instant previousCompleteBy) {
  public Extension {
    Objects.requireNonNull(decidedAt, "decidedAt");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(previousCompleteBy, "previousCompleteBy");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an extension needs a reason");
    }
  }
}
