package dev.lethe.core.execute;

import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.state.RunTallies;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one call of the executor wrote into a run's tallies, added once each transaction has
 * committed (a transaction rolled back and retried adds nothing): for a run that this call started,
 * the run's whole tallies, which its completion then need not read back.
 */
final class CallTally {

  private final Map<String, Map<Outcome, Long>> counts = new LinkedHashMap<>();
  private final Map<String, Long> deletedFiles = new LinkedHashMap<>();
  private final Map<String, Set<Outcome>> updated = new LinkedHashMap<>();
  private long recordedKeys;

  void count(String entity, Outcome outcome, long n) {
    if (n > 0) {
      counts
          .computeIfAbsent(entity, e -> new EnumMap<>(Outcome.class))
          .merge(outcome, n, Long::sum);
    }
  }

  /** {@code n} more keys of {@code entity}'s rows recorded as about to get {@code outcome}. */
  void recorded(String entity, Outcome outcome, long n) {
    if (n > 0) {
      updated.computeIfAbsent(entity, e -> EnumSet.noneOf(Outcome.class)).add(outcome);
      recordedKeys += n;
    }
  }

  void fileDeleted(String entity) {
    deletedFiles.merge(entity, 1L, Long::sum);
  }

  /** Adds what a committed page counted. */
  void add(CallTally page) {
    page.counts.forEach((entity, byOutcome) -> byOutcome.forEach((o, n) -> count(entity, o, n)));
    page.updated.forEach(
        (entity, outcomes) ->
            updated.computeIfAbsent(entity, e -> EnumSet.noneOf(Outcome.class)).addAll(outcomes));
    recordedKeys += page.recordedKeys;
    page.deletedFiles.forEach((entity, n) -> deletedFiles.merge(entity, n, Long::sum));
  }

  RunTallies tallies() {
    Map<String, Map<Outcome, Long>> c = new LinkedHashMap<>();
    counts.forEach((entity, byOutcome) -> c.put(entity, new EnumMap<>(byOutcome)));
    Map<String, Set<Outcome>> u = new LinkedHashMap<>();
    updated.forEach((entity, outcomes) -> u.put(entity, EnumSet.copyOf(outcomes)));
    return new RunTallies(c, new LinkedHashMap<>(deletedFiles), u, recordedKeys);
  }
}
