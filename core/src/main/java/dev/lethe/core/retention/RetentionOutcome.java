package dev.lethe.core.retention;

import dev.lethe.core.receipt.Outcome;
import java.time.Instant;
import java.util.Map;

/**
 * What one retention rule's sweep did.
 *
 * @param cutoff rows older than this were handled
 * @param counts rows per entity and outcome (deleted includes rows below the aged ones)
 */
public record RetentionOutcome(
    String rule,
    String runId,
    Instant cutoff,
    Map<String, Map<Outcome, Long>> counts,
    Map<String, Long> filesDeleted,
    Instant startedAt,
    Instant finishedAt) {

  public RetentionOutcome {
    counts = Map.copyOf(counts);
    filesDeleted = Map.copyOf(filesDeleted);
  }

  public long total(Outcome outcome) {
    return counts.values().stream().mapToLong(m -> m.getOrDefault(outcome, 0L)).sum();
  }
}
