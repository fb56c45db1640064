package dev.lethe.bench;

import java.io.PrintWriter;
import java.util.Locale;

/** The lines a scenario's result is printed as, for a person reading the benchmark's output. */
final class ResultLines {

  private ResultLines() {}

  /**
   * Prints {@code result}: one line per contestant (time, units, rate, longest transaction, peak
   * heap, verification), Lethe's ratios to each baseline, and the notes.
   */
  static void print(PrintWriter out, ScenarioResult result) {
    for (ContestantResult c : result.contestants()) {
      out.printf(
          Locale.ROOT,
          "%-10s %-10s %-6s %-18s %,10d ms %,12d %-8s %,12.0f/s  longest tx %s  heap %s%s%n",
          result.scenario(),
          result.database(),
          result.size(),
          c.name(),
          c.elapsedMillis(),
          c.units(),
          c.unit(),
          c.perSecond(),
          c.longestTransactionMillis() == null ? "-" : c.longestTransactionMillis() + " ms",
          c.peakHeapBytes() == null ? "-" : (c.peakHeapBytes() >> 20) + " MB",
          c.verified() == null ? "" : c.verified() ? "  verified" : "  VERIFY FAILED");
    }
    for (ContestantResult lethe : result.contestants()) {
      if (!lethe.isLethe()) {
        continue;
      }
      for (ContestantResult baseline : result.baselines()) {
        out.printf(
            Locale.ROOT,
            "  %s / %s: %.3f (%s)%n",
            lethe.name(),
            baseline.name(),
            result.ratio(lethe, baseline),
            result.timed() ? "time; below 1 is faster" : "rate; above 1 is faster");
        result
            .purgedRatio(lethe, baseline)
            .ifPresent(
                ratio ->
                    out.printf(
                        Locale.ROOT,
                        "  %s / %s: %.3f (time until InnoDB purged the deleted rows)%n",
                        lethe.name(),
                        baseline.name(),
                        ratio));
      }
    }
    for (String note : result.notes()) {
      out.println("  note: " + note);
    }
    out.flush();
  }
}
