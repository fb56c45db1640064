package dev.lethe.core.request;

import dev.lethe.core.deadline.Deadlines;
import dev.lethe.core.deadline.Due;
import dev.lethe.core.deadline.DueDates;
import dev.lethe.core.deadline.Jurisdiction;
import dev.lethe.core.deadline.Span;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Extensions of a request's completion date, within what its law allows, with the reason. */
final class Extensions {

  private final StateChanges changes;
  private final Deadlines deadlines;

  Extensions(StateChanges changes, Deadlines deadlines) {
    this.changes = changes;
    this.deadlines = deadlines;
  }

  DeletionRequest extend(DeletionRequest current, String reason, Span by, Actor actor) {
    if (!current.isOpen()) {
      throw new IllegalTransitionException(
          "request " + current.id() + " is " + current.state().code() + ": nothing to extend");
    }
    DueDates extended = deadlines.extend(dueDates(current), reason, by);
    Deadline moved =
        new Deadline(extended.acknowledgeBy(), extended.completeBy(), extended.complete().rule());
    String note =
        "completion extended by " + by.describe() + " to " + moved.completeBy() + ": " + reason;
    return changes.write(
        current, current.state(), actor, Notes.redact(note), c -> c.deadline(moved));
  }

  /** The request's due dates as the deadline calculator sees them, with any extension so far. */
  private DueDates dueDates(DeletionRequest request) {
    Jurisdiction regime = Jurisdiction.fromCode(request.jurisdiction()).orElse(Jurisdiction.OTHER);
    DueDates computed = deadlines.dueDates(request.receivedAt(), Set.of(regime), request.source());
    Optional<Deadline> stored = request.deadline();
    if (stored.isEmpty() || stored.get().completeBy().equals(computed.completeBy())) {
      return computed;
    }
    Due complete =
        new Due(stored.get().completeBy(), Due.SetBy.EXTENSION, stored.get().completeRule());
    return new DueDates(
        computed.receivedAt(),
        computed.jurisdictions(),
        computed.source(),
        computed.acknowledge(),
        complete,
        List.of());
  }
}
