package dev.lethe.core.request;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step in a request's life. {@code from} is empty for the event that created the request; it
 * equals {@code to} for events that change no state (a duplicate merged, a second hold). Notes are
 * written by Lethe or are reasons given by staff, with e-mail addresses and long digit runs
 * removed.
 */
public record RequestEvent(
    Instant at, Actor actor, Optional<RequestState> from, RequestState to, Optional<String> note) {

  public RequestEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(to, "to");
    from = from == null ? Optional.empty() : from;
    note = note == null ? Optional.empty() : note.map(Notes::redact).filter(n -> !n.isBlank());
  }

  static RequestEvent move(
      Instant at, Actor actor, RequestState from, RequestState to, String note) {
    return new RequestEvent(at, actor, Optional.of(from), to, Optional.ofNullable(note));
  }
}
