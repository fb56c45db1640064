package dev.lethe.core.request;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The next state of a request and what moves with it, written by one versioned update. */
final class Change {

  final RequestState state;
  final Instant at;
  Optional<RequestState> heldFrom;
  List<String> holdIds;
  Optional<Instant> graceEndsAt;
  Optional<String> runId;
  Optional<String> receiptJson;
  Optional<String> rejectionReason;
  Optional<Deadline> deadline;
  Optional<Instant> acknowledgedAt;

  private Change(DeletionRequest current, RequestState state, Instant at) {
    this.state = state;
    this.at = at;
    this.heldFrom = current.heldFrom();
    this.holdIds = current.holdIds();
    this.graceEndsAt = current.graceEndsAt();
    this.runId = current.runId();
    this.receiptJson = current.receiptJson();
    this.rejectionReason = current.rejectionReason();
    this.deadline = current.deadline();
    this.acknowledgedAt = current.acknowledgedAt();
  }

  static Change to(DeletionRequest current, RequestState state, Instant at) {
    return new Change(current, state, at);
  }

  Change holds(Optional<RequestState> from, List<String> ids) {
    this.heldFrom = from;
    this.holdIds = List.copyOf(ids);
    return this;
  }

  Change graceEndsAt(Instant end) {
    this.graceEndsAt = Optional.of(end);
    return this;
  }

  Change runId(String id) {
    this.runId = Optional.of(id);
    return this;
  }

  Change receipt(String json) {
    this.receiptJson = Optional.of(json);
    return this;
  }

  Change rejectionReason(String reason) {
    this.rejectionReason = Optional.of(reason);
    return this;
  }

  Change runIdCleared() {
    this.runId = Optional.empty();
    return this;
  }

  Change deadline(Deadline moved) {
    this.deadline = Optional.of(moved);
    return this;
  }

  Change acknowledgedAt(Instant at) {
    this.acknowledgedAt = Optional.of(at);
    return this;
  }

  /** The request ends with this change, and its sealed identities go. */
  boolean closes() {
    return state.isTerminal();
  }
}
