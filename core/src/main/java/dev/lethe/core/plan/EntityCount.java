package dev.lethe.core.plan;

import dev.lethe.core.receipt.Outcome;
import java.util.Map;

/** How many rows of one entity a plan would delete, detach, anonymize, retain, or leave held. */
public record EntityCount(String entity, Map<Outcome, Long> counts) {
  public EntityCount {
    counts = Map.copyOf(counts);
  }

  public long get(Outcome outcome) {
    return counts.getOrDefault(outcome, 0L);
  }

  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
