package dev.lethe.core.desk;

import java.time.Instant;
import java.util.UUID;

/**
 * The durable queue the {@link Desk}'s background steps run on (db-scheduler in the service). A
 * stored step survives restarts, is run by one instance among many, and is retried until it
 * succeeds. A mail is stored before {@link #mail} returns; an execution may be stored just after
 * {@link #execute} returns: a request's execution is derived from the request, stored before it is
 * asked for, and {@link Desk#sweep} asks again for an open request's execution lost in a crash.
 */
public interface Work {

  /**
   * Runs {@link Desk#execute} for the request at {@code at} or soon after. While a step for the
   * request is queued or running, asking again changes nothing: one request, one step at a time.
   */
  void execute(UUID requestId, Instant at);

  /**
   * As {@link #execute}, for the sweep, which asks for every open request's execution and finds
   * nearly all of them queued already: stored before this returns, and cheapest when one is queued.
   */
  default void requeue(UUID requestId, Instant at) {
    execute(requestId, at);
  }

  /** Runs {@link Desk#sendMail} for the request; again while queued changes nothing. */
  void mail(UUID requestId, MailKind kind);
}
