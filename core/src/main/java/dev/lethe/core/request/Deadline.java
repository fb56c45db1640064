package dev.lethe.core.request;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a request must be acknowledged (if a law or the product's promise asks for it) and
 * completed, and the rule that set the completion date ("GDPR Art. 12(3): within one month of
 * receipt", "our promise (self_service): complete within 24 hours", or an extension).
 */
public record Deadline(Optional<Instant> acknowledgeBy, Instant completeBy, String completeRule) {

  public Deadline {
    acknowledgeBy = acknowledgeBy == null ? Optional.empty() : acknowledgeBy;
    Objects.requireNonNull(completeBy, "completeBy");
    Objects.requireNonNull(completeRule, "completeRule");
  }

  /** Completion is due at or before {@code now}. */
  public boolean isPast(Instant now) {
    return !now.isBefore(completeBy);
  }
}
