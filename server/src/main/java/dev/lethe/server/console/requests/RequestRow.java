package dev.lethe.server.console.requests;

import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.RequestEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A request as the console lists it: never the person's identities, only what staff need to work
 * the queue.
 *
 * @param dueSoon open and due within {@link #DUE_SOON}
 */
public record RequestRow(
    UUID id,
    String code,
    String scope,
    String workspace,
    String source,
    String state,
    Instant receivedAt,
    Instant completeBy,
    boolean overdue,
    boolean dueSoon,
    boolean open) {

  public static final Duration DUE_SOON = Duration.ofDays(3);

  public static RequestRow of(DeletionRequest r, Instant now) {
    Instant completeBy = r.deadline().map(d -> d.completeBy()).orElse(null);
    boolean overdue = r.isOverdue(now);
    return new RequestRow(
        r.id(),
        r.confirmationCode(),
        r.scope(),
        r.workspace().orElse(""),
        r.source().code(),
        r.state().code(),
        r.receivedAt(),
        completeBy,
        overdue,
        r.isOpen() && !overdue && completeBy != null && completeBy.isBefore(now.plus(DUE_SOON)),
        r.isOpen());
  }

  /** One step of a request's timeline. */
  public record Step(Instant at, String actor, String from, String to, String note) {
    static Step of(RequestEvent e) {
      return new Step(
          e.at(),
          e.actor().code(),
          e.from().map(s -> s.code()).orElse(""),
          e.to().code(),
          e.note().orElse(""));
    }
  }
}
