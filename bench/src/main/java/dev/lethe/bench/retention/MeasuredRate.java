package dev.lethe.bench.retention;

import dev.lethe.core.datamap.RetentionRule;
import dev.lethe.platform.ReferencePlatform;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The rows a second the paced runs' baseline (pt-archiver's run before them) deleted, once it has
 * run: Lethe's rated runs are held to multiples of it, their rule's {@code max_rows_per_second}
 * known only when their turn comes.
 */
final class MeasuredRate {

  private final Purge baseline;
  private double rowsPerSecond = -1;

  /** {@code baseline} is the run whose rate is measured. */
  MeasuredRate(Purge baseline) {
    this.baseline = baseline;
  }

  /** {@code purge} ran, at {@code rowsPerSecond}: measured if it is the baseline. */
  void ran(Purge purge, double rowsPerSecond) {
    if (purge == baseline) {
      this.rowsPerSecond = rowsPerSecond;
    }
  }

  /** {@code multiple} times the rate measured, in whole rows a second. */
  long times(double multiple) {
    if (rowsPerSecond < 0) {
      throw new IllegalStateException("a rated run before its baseline has run");
    }
    return Math.clamp(Math.round(multiple * rowsPerSecond), 1, RetentionRule.MOST_RATE);
  }

  /**
   * Lethe's rule in pages of at most {@code batch} messages, held to {@code multiple} times the
   * rate measured, no pause ratio; the rate it was given goes to {@code notes} when it runs. Its
   * name ends with {@code suffix} inside its parenthesis ({@code ", round 2"}), or nothing.
   */
  LethePurge lethe(
      double multiple,
      int batch,
      String suffix,
      DataSource dataSource,
      String mapText,
      Path files,
      int topStatements,
      List<String> notes) {
    String name =
        String.format(
            Locale.ROOT,
            "lethe (batch %d, %s× pt-archiver's rate%s)",
            batch,
            BigDecimal.valueOf(multiple).stripTrailingZeros().toPlainString(),
            suffix);
    return LethePurge.named(
        dataSource,
        name,
        () -> {
          long rate = times(multiple);
          notes.add(
              String.format(
                  Locale.ROOT,
                  "%s: max_rows_per_second: %d, %s times the %.0f rows/s of %s",
                  name,
                  rate,
                  multiple,
                  rowsPerSecond,
                  baseline.name()));
          return LethePurge.paced(ReferencePlatform.dataMapResource(), mapText, 0, batch, rate);
        },
        files,
        topStatements);
  }
}
