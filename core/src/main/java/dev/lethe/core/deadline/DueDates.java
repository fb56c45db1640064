package dev.lethe.core.deadline;

import dev.lethe.core.request.RequestSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The due dates of one deletion request: acknowledgement (when a law or promise asks for one) and
 * completion, each with the rule that set it, and the extensions granted so far.
 */
public record DueDates(
    Instant receivedAt,
    Set<Jurisdiction> jurisdictions,
    RequestSource source,
    Optional<Due> acknowledge,
    Due complete,
    List<Extension> extensions) {

  public DueDates {
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(acknowledge, "acknowledge");
    Objects.requireNonNull(complete, "complete");
    if (jurisdictions.isEmpty()) {
      throw new IllegalArgumentException("a request falls under at least one jurisdiction");
    }
    jurisdictions = Collections.unmodifiableSet(EnumSet.copyOf(jurisdictions));
    extensions = List.copyOf(extensions);
    if (complete.by().isBefore(receivedAt)
        || acknowledge.map(a -> a.by().isBefore(receivedAt)).orElse(false)) {
      throw new IllegalArgumentException("a due date cannot precede receipt");
    }
  }

  public Optional<Instant> acknowledgeBy() {
    return acknowledge.map(Due::by);
  }

  public Instant completeBy() {
    return complete.by();
  }

  /** Whether completion is due and not done by {@code now}: the due instant itself is overdue. */
  public boolean isOverdue(Instant now) {
    return !now.isBefore(completeBy());
  }

  /** Whether acknowledgement is due by {@code now}; false when none is required. */
  public boolean acknowledgementOverdue(Instant now) {
    return acknowledgeBy().map(by -> !now.isBefore(by)).orElse(false);
  }

  /** Not overdue yet, but completion is due within {@code within} of {@code now}. */
  public boolean dueSoon(Instant now, Duration within) {
    return !isOverdue(now) && !now.plus(within).isBefore(completeBy());
  }

  DueDates extendedTo(Due newComplete, Extension extension) {
    List<Extension> all = new ArrayList<>(extensions);
    all.add(extension);
    return new DueDates(receivedAt, jurisdictions, source, acknowledge, newComplete, all);
  }
}
