package dev.lethe.core.deadline;

import java.util.Objects;
import java.util.Optional;

/** What the product promises, counted from receipt: perhaps an acknowledgement, and completion. */
public record Promise(Optional<Span> acknowledgeWithin, Span completeWithin) {
  public Promise {
    Objects.requireNonNull(acknowledgeWithin, "acknowledgeWithin");
    Objects.requireNonNull(completeWithin, "completeWithin");
  }

  public static Promise completeWithin(Span complete) {
    return new Promise(Optional.empty(), complete);
  }

  public static Promise acknowledgeAndComplete(Span acknowledge, Span complete) {
    return new Promise(Optional.of(acknowledge), complete);
  }
}
