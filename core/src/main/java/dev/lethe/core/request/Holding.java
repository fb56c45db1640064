package dev.lethe.core.request;

import static dev.lethe.core.request.RequestState.ON_HOLD;
import static dev.lethe.core.request.RequestState.RUNNING;
import static dev.lethe.core.request.RequestState.SCHEDULED;
import static dev.lethe.core.request.RequestState.VERIFYING;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Holds on a request: placed, collected, placed at the end of a run, released one by one. */
final class Holding {

  private static final Pattern HOLD_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final StateChanges changes;

  Holding(StateChanges changes) {
    this.changes = changes;
  }

  DeletionRequest hold(DeletionRequest current, String holdId, Actor actor) {
    if (holdId == null || !HOLD_ID.matcher(holdId).matches()) {
      throw new IllegalArgumentException("a hold id is a plain token of at most 64 characters");
    }
    if (current.state() != ON_HOLD) {
      return changes.move(
          current,
          ON_HOLD,
          actor,
          "hold " + holdId,
          c -> c.holds(Optional.of(current.state()), List.of(holdId)));
    }
    if (current.holdIds().contains(holdId)) {
      return current;
    }
    List<String> holds = new ArrayList<>(current.holdIds());
    holds.add(holdId);
    return changes.write(
        current, ON_HOLD, actor, "hold " + holdId, c -> c.holds(current.heldFrom(), holds));
  }

  DeletionRequest afterRun(
      DeletionRequest current, List<String> holdIds, String receiptJson, Actor actor) {
    if (holdIds.isEmpty() || holdIds.stream().anyMatch(h -> !HOLD_ID.matcher(h).matches())) {
      throw new IllegalArgumentException("a request is held by one or more hold ids");
    }
    if (current.state() != RUNNING && current.state() != VERIFYING) {
      throw new IllegalTransitionException(
          "request "
              + current.id()
              + " is "
              + current.state().code()
              + ", not at the end of a run");
    }
    return changes.write(
        current,
        ON_HOLD,
        actor,
        "rows kept by hold " + String.join(", ", holdIds),
        c -> c.holds(Optional.of(SCHEDULED), holdIds).receipt(receiptJson).runIdCleared());
  }

  DeletionRequest release(DeletionRequest current, String holdId, Actor actor) {
    if (current.state() != ON_HOLD || !current.holdIds().contains(holdId)) {
      throw new IllegalTransitionException("request " + current.id() + " is not held by " + holdId);
    }
    List<String> remaining = new ArrayList<>(current.holdIds());
    remaining.remove(holdId);
    String note = "released hold " + holdId;
    if (!remaining.isEmpty()) {
      return changes.write(
          current, ON_HOLD, actor, note, c -> c.holds(current.heldFrom(), remaining));
    }
    RequestState back = current.heldFrom().orElseThrow();
    return changes.write(current, back, actor, note, c -> c.holds(Optional.empty(), List.of()));
  }
}
