package dev.lethe.bench.retention;

import dev.lethe.bench.ContestantResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Each of Lethe's paced runs beside the runs of {@code pt-archiver --purge} either side of it: the
 * server drifts during a run (the run after Lethe's is mostly the faster), so a paced run is judged
 * against both its neighbours, and over rounds by the median of the differences.
 */
final class Brackets {

  private static final String P99 = "writer_p99_ms";

  private Brackets() {}

  /** One note a Lethe run between two pt-archiver runs, and one over all of them if several. */
  static List<String> compare(List<ContestantResult> results) {
    List<String> notes = new ArrayList<>();
    List<Double> againstBefore = new ArrayList<>();
    List<Double> againstAfter = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      ContestantResult lethe = results.get(i);
      Optional<ContestantResult> before = neighbour(results, i, -1);
      Optional<ContestantResult> after = neighbour(results, i, 1);
      if (!lethe.isLethe() || before.isEmpty() || after.isEmpty()) {
        continue;
      }
      double p99 = lethe.extra().get(P99);
      double earlier = before.get().extra().get(P99);
      double later = after.get().extra().get(P99);
      againstBefore.add(p99 - earlier);
      againstAfter.add(p99 - later);
      notes.add(
          String.format(
              Locale.ROOT,
              "%s: %.2f× the rows/s of the pt-archiver run before it; writer p99 %.2f ms,"
                  + " %+.2f ms against the run before it (%.2f ms), %+.2f ms against the one after"
                  + " it (%.2f ms)",
              lethe.name(),
              lethe.perSecond() / before.get().perSecond(),
              p99,
              p99 - earlier,
              earlier,
              p99 - later,
              later));
    }
    if (againstBefore.size() > 1) {
      notes.add(
          String.format(
              Locale.ROOT,
              "writer p99 of Lethe's %d paced runs against the pt-archiver runs either side: above"
                  + " the one before in %d, the one after in %d; median difference %+.2f ms"
                  + " (before), %+.2f ms (after)",
              againstBefore.size(),
              above(againstBefore),
              above(againstAfter),
              median(againstBefore),
              median(againstAfter)));
    }
    return notes;
  }

  /** The nearest pt-archiver run from {@code i} in direction {@code step}, past Lethe's runs. */
  private static Optional<ContestantResult> neighbour(
      List<ContestantResult> results, int i, int step) {
    for (int j = i + step; j >= 0 && j < results.size(); j += step) {
      ContestantResult other = results.get(j);
      if (!other.isLethe()) {
        return other.name().startsWith(PtArchiver.PURGE_NAMES) && other.extra().containsKey(P99)
            ? Optional.of(other)
            : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static long above(List<Double> differences) {
    return differences.stream().filter(d -> d > 0).count();
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
