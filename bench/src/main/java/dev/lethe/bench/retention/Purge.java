package dev.lethe.bench.retention;

import dev.lethe.bench.TransactionClock;
import java.util.Optional;

/** One way of purging the aged messages: Lethe's retention rule, or a baseline. */
interface Purge {

  /** The contestant's name in the results. */
  String name();

  /** Whether this is Lethe (checked and verified) rather than a baseline. */
  boolean isLethe();

  /** Purges the messages older than the table's cutoff. */
  Outcome purge(MessagesTable table) throws Exception;

  /**
   * @param elapsedMillis how long the purge itself took (not the engine's start-up)
   * @param deleted messages the contestant reports it deleted (-1 when it does not say)
   * @param longestTransactionMillis its longest transaction, when measured
   * @param spans when its writing transactions ran, when measured
   */
  record Outcome(
      long elapsedMillis,
      long deleted,
      Long longestTransactionMillis,
      Optional<TransactionClock.Spans> spans) {

    /** A contestant whose transactions were not followed one by one. */
    Outcome(long elapsedMillis, long deleted, Long longestTransactionMillis) {
      this(elapsedMillis, deleted, longestTransactionMillis, Optional.empty());
    }
  }
}
