package dev.lethe.core.request;

import static dev.lethe.core.request.RequestState.ON_HOLD;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/** Moves a request along the table and records the move as an event, in one transaction. */
final class StateChanges {

  private final RequestStore store;
  private final RequestWrites writes;
  private final Clock clock;

  StateChanges(RequestStore store, Clock clock) {
    this.store = store;
    this.writes = store.writes();
    this.clock = clock;
  }

  /**
   * Moves the request if the table allows it and no hold stops it.
   *
   * @throws IllegalTransitionException otherwise
   * @throws StaleRequestException when another process moved it since it was read
   */
  DeletionRequest move(
      DeletionRequest current,
      RequestState to,
      Actor actor,
      String note,
      UnaryOperator<Change> edit) {
    if (current.state() == ON_HOLD && to != ON_HOLD) {
      throw new IllegalTransitionException(
          "request "
              + current.id()
              + " is on hold ("
              + String.join(", ", current.holdIds())
              + "); release it first");
    }
    if (!current.state().canMoveTo(to)) {
      throw IllegalTransitionException.of(current.id(), current.state(), to);
    }
    return write(current, to, actor, note, edit);
  }

  /** Writes the change without consulting the table (hold bookkeeping, releases). */
  DeletionRequest write(
      DeletionRequest current,
      RequestState to,
      Actor actor,
      String note,
      UnaryOperator<Change> edit) {
    Instant now = clock.instant();
    Change change = edit.apply(Change.to(current, to, now));
    writes.update(
        current, change, List.of(RequestEvent.move(now, actor, current.state(), to, note)));
    return store.find(current.id()).orElseThrow();
  }
}
