package dev.lethe.core.desk;

import java.time.Instant;
import java.util.UUID;

/**
 * The durable queue the {@link Desk}'s background steps run on (db-scheduler in the service). A
 * step is stored before a method returns, survives restarts, is run by one instance among many, and
 * is retried until it succeeds.
 */
public interface Work {

  /**
   * Runs {@link Desk#execute} for the request at {@code at} or soon after. While a step for the
   * request is queued or running, asking again changes nothing: one request, one step at a time.
   */
  void execute(UUID requestId, Instant at);

  /** Runs {@link Desk#sendMail} for the request; again while queued changes nothing. */
  void mail(UUID requestId, MailKind kind);
}
