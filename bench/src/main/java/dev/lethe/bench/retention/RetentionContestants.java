package dev.lethe.bench.retention;

import dev.lethe.bench.BenchTarget;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.ReferencePlatform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The retention scenario's contestants, in the order they run: Lethe first, but for pt-archiver's
 * run before Lethe's paced runs (paced only, on MariaDB). With {@code paced-rounds} the paced and
 * rated runs go round that many times, pt-archiver before the first round, between rounds and after
 * the last, each round's rated runs held to the rate of the pt-archiver run just before them.
 */
final class RetentionContestants {

  /**
   * The pause ratios of Lethe's paced purges on MariaDB unless the {@code pauses} option names
   * others: a wait as long as each page.
   */
  static final List<Double> PAUSES_ON_MARIADB = List.of(1.0);

  private final List<Purge> purges = new ArrayList<>();
  private final List<MeasuredRate> measured = new ArrayList<>();
  private boolean bracketed;

  /** The contestants {@code target}'s options ask for, with what was chosen in {@code notes}. */
  RetentionContestants(
      BenchTarget target,
      DataSource dataSource,
      DataMap map,
      String mapText,
      Path files,
      List<String> notes) {
    int top = target.option("top-statements").map(Integer::parseInt).orElse(0);
    boolean pacedOnly = target.option("paced-only").isPresent();
    int pacedBatch =
        target.option("paced-batch").map(Integer::parseInt).orElse(RetentionScenario.BATCH);
    int rounds = target.option("paced-rounds").map(Integer::parseInt).orElse(1);
    List<Double> pauses = pauses(target);
    List<Double> rates = rates(target);
    // asked once: each asking starts the tool
    boolean hasPtArchiver = target.vendor() == Vendor.MARIADB && PtArchiver.installed();
    // paced only on MariaDB: pt-archiver before Lethe's paced runs and again after them, so that
    // the server's drift during the run shows in its own results
    boolean anyPaced = !pauses.isEmpty() || !rates.isEmpty();
    bracketed = pacedOnly && anyPaced && hasPtArchiver;
    if ((!rates.isEmpty() || rounds > 1) && !bracketed) {
      throw new IllegalStateException(
          (rates.isEmpty() ? "--paced-rounds" : "--paced-rates")
              + ": Lethe's rated runs are held to multiples of pt-archiver --purge's rate,"
              + " measured before them, and rounds go between its runs: they need --paced-only,"
              + " MariaDB and pt-archiver (Debian: percona-toolkit)");
    }
    if (pacedOnly) {
      notes.add("--paced-only: the paced runs and their baseline only");
    }
    if (bracketed) {
      notes.add(
          "pt-archiver --purge runs before Lethe's paced runs and again after them"
              + (rounds > 1 ? " (and between rounds)" : "")
              + ", so that the server's drift during the run shows; the ratios' baseline is the"
              + " first");
      PtArchiver before = ptArchiver(target, pacedBatch, false, "before Lethe");
      purges.add(before);
      for (int round = 1; round <= rounds; round++) {
        MeasuredRate rate = new MeasuredRate(before);
        measured.add(rate);
        String suffix = rounds > 1 ? ", round " + round : "";
        addPaced(pauses, rates, pacedBatch, rate, suffix, dataSource, mapText, files, top, notes);
        before =
            ptArchiver(
                target,
                pacedBatch,
                false,
                round == rounds ? "after Lethe" : "after round " + round);
        purges.add(before);
      }
      return;
    }
    if (!pacedOnly && target.vendor() == Vendor.MARIADB) {
      purges.add(new LethePurge(dataSource, map, files, RetentionScenario.BATCH, top));
      if (hasPtArchiver) {
        purges.add(ptArchiver(target, RetentionScenario.BATCH, false, null));
        purges.add(ptArchiver(target, RetentionScenario.BATCH, true, null));
      } else {
        notes.add("pt-archiver is not installed (Debian: percona-toolkit): its runs are left out");
      }
      purges.add(new LethePurge(dataSource, map, files, 0, top));
    } else if (!pacedOnly) {
      purges.add(new LethePurge(dataSource, map, files, 0, top));
      purges.add(new LethePurge(dataSource, map, files, RetentionScenario.BATCH, top));
    }
    addPaced(pauses, rates, pacedBatch, null, "", dataSource, mapText, files, top, notes);
    boolean pacedAtOwnBatch = pacedOnly || pacedBatch != RetentionScenario.BATCH;
    if (pacedAtOwnBatch && anyPaced && target.vendor() == Vendor.MARIADB) {
      // the paced runs against pt-archiver at their own batch size
      if (hasPtArchiver) {
        purges.add(ptArchiver(target, pacedBatch, false, null));
      } else if (pacedOnly) {
        notes.add("pt-archiver is not installed (Debian: percona-toolkit): the paced runs alone");
      }
    }
    if (!pacedOnly || target.vendor() != Vendor.MARIADB) {
      purges.add(new SingleDelete(dataSource));
    }
  }

  /** The purges, in the order they run. */
  List<Purge> purges() {
    return purges;
  }

  /**
   * Whether pt-archiver runs before Lethe's paced runs and after them (and between rounds), so that
   * each paced run can be set beside the runs either side of it.
   */
  boolean bracketed() {
    return bracketed;
  }

  /** {@code purge} ran at {@code rowsPerSecond}: the rate of the rated runs after it, if any. */
  void ran(Purge purge, double rowsPerSecond) {
    for (MeasuredRate rate : measured) {
      rate.ran(purge, rowsPerSecond);
    }
  }

  /**
   * The writer's latency against pt-archiver's, which runs one statement at a time: the rule paced
   * and given a batch, as a user would write it; then held to multiples of the rows a second
   * pt-archiver deleted before them ({@code rate}), at the same batch size.
   */
  private void addPaced(
      List<Double> pauses,
      List<Double> rates,
      int pacedBatch,
      MeasuredRate rate,
      String suffix,
      DataSource dataSource,
      String mapText,
      Path files,
      int top,
      List<String> notes) {
    for (double ratio : pauses) {
      DataMap paced =
          LethePurge.paced(ReferencePlatform.dataMapResource(), mapText, ratio, pacedBatch);
      LethePurge purge = new LethePurge(dataSource, paced, files, 0, top);
      purges.add(suffix.isEmpty() ? purge : purge.renamed(withSuffix(purge.name(), suffix)));
    }
    for (double multiple : rates) {
      purges.add(rate.lethe(multiple, pacedBatch, suffix, dataSource, mapText, files, top, notes));
    }
  }

  /** {@code name} ending in a parenthesis, with {@code suffix} added inside it. */
  private static String withSuffix(String name, String suffix) {
    return name.substring(0, name.length() - 1) + suffix + ")";
  }

  private static PtArchiver ptArchiver(
      BenchTarget target, int batch, boolean bulkDelete, String turn) {
    String user = target.option("user").orElse("root");
    String password = target.option("password").orElse("");
    return new PtArchiver(target.jdbcUrl(), user, password, batch, bulkDelete, turn);
  }

  /**
   * The pause ratios of the paced purges: the {@code pauses} option's, or the vendor's default
   * (none when rated runs are asked for).
   */
  private static List<Double> pauses(BenchTarget target) {
    boolean rated = target.option("paced-rates").isPresent();
    return numbers(target, "pauses")
        .orElse(target.vendor() == Vendor.MARIADB && !rated ? PAUSES_ON_MARIADB : List.of());
  }

  /**
   * The multiples of pt-archiver's rate Lethe's rated runs are held to: the {@code paced-rates}
   * option's, or none.
   */
  private static List<Double> rates(BenchTarget target) {
    return numbers(target, "paced-rates").orElse(List.of());
  }

  /** The numbers option {@code name} lists, separated by commas, if it was given. */
  private static Optional<List<Double>> numbers(BenchTarget target, String name) {
    return target
        .option(name)
        .map(list -> Arrays.stream(list.split(",")).map(Double::valueOf).toList());
  }
}
