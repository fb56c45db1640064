package dev.lethe.bench.engine;

import dev.lethe.bench.TransactionClock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a contestant's writing transactions were: their spread, and the longest ones' statements.
 */
final class TransactionReport {

  private TransactionReport() {}

  /**
   * What the contestant's longest transaction ran, and every other transaction over the target: the
   * start of each statement (enough to name it; not the values, which may hold the anonymization's
   * salt).
   */
  static void printLongest(String contestant, TransactionClock clock) {
    System.err.printf(
        Locale.ROOT,
        "  %s: longest transaction (%d ms, ended %s) ran:%n",
        contestant,
        clock.longestMillis(),
        clock.longestEndedAt().map(Object::toString).orElse("-"));
    printStatements(clock.longestStatements(), Integer.MAX_VALUE);
    List<TransactionClock.Held> over = clock.overTarget();
    if (over.size() > 1) {
      for (TransactionClock.Held held : over) {
        System.err.printf(
            Locale.ROOT,
            "  %s: over %d ms (%d ms, ended %s):%n",
            contestant,
            TransactionClock.TARGET_MILLIS,
            held.millis(),
            held.endedAt());
        printStatements(held.statements(), 8);
      }
    }
  }

  private static void printStatements(List<String> statements, int most) {
    for (String sql : statements.subList(0, Math.min(most, statements.size()))) {
      System.err.println("    " + (sql.length() > 72 ? sql.substring(0, 72) + "…" : sql));
    }
  }

  /**
   * How the writing transactions' times spread: a single slow one among thousands near the target
   * is a stall to find, many slow ones a batch size to fix.
   */
  static void put(Map<String, Double> extra, TransactionClock clock) {
    Histogram micros = clock.transactionMicros();
    extra.put("transactions", (double) micros.getTotalCount());
    extra.put("transaction_p50_ms", micros.getValueAtPercentile(50) / 1000.0);
    extra.put("transaction_p99_ms", micros.getValueAtPercentile(99) / 1000.0);
    long over = micros.getCountBetweenValues(OVER_TARGET_MICROS + 1, Long.MAX_VALUE / 2);
    extra.put("transactions_over_250_ms", (double) over);
  }

  private static final long OVER_TARGET_MICROS = TransactionClock.TARGET_MILLIS * 1_000;
}
