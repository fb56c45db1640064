package dev.lethe.bench;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one scenario measured on one database at one size.
 *
 * @param scenario the scenario's name
 * @param database the database product, lower case ({@code postgresql}, {@code mariadb})
 * @param size {@code small}, {@code medium} or {@code large}
 * @param baseline the baseline Lethe's target is stated against (e.g. {@code set-based-sql})
 * @param contestants Lethe's runs ({@code verified} not null) and the baselines' runs
 * @param notes how the numbers were taken: machine load, sampling, what differs between runs
 */
public record ScenarioResult(
    String scenario,
    String database,
    String size,
    String baseline,
    List<ContestantResult> contestants,
    List<String> notes) {

  public ScenarioResult {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(baseline, "baseline");
    contestants = List.copyOf(contestants);
    notes = List.copyOf(notes);
  }

  /** Lethe's run: the first contestant that reports a verification. */
  public Optional<ContestantResult> lethe() {
    return contestants.stream().filter(ContestantResult::isLethe).findFirst();
  }

  public List<ContestantResult> baselines() {
    return contestants.stream().filter(c -> !c.isLethe()).toList();
  }

  /**
   * Lethe's ratio to a baseline. Scenarios counted in rows are timed (Lethe's time / the baseline's
   * time: below 1 is faster); the others are throughputs (Lethe's rate / the baseline's rate: above
   * 1 is faster).
   */
  public double ratio(ContestantResult lethe, ContestantResult baseline) {
    if (timed()) {
      return (double) lethe.elapsedMillis() / Math.max(1, baseline.elapsedMillis());
    }
    return lethe.perSecond() / Math.max(Double.MIN_VALUE, baseline.perSecond());
  }

  /**
   * Lethe's time to a baseline's until InnoDB had purged the rows each deleted ({@code
   * until_purged_ms}: its run and the purge after it), where both measured it.
   */
  public OptionalDouble purgedRatio(ContestantResult lethe, ContestantResult baseline) {
    Double mine = lethe.extra().get(UNTIL_PURGED);
    Double theirs = baseline.extra().get(UNTIL_PURGED);
    if (mine == null || theirs == null || mine < 0 || theirs < 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(mine / Math.max(1, theirs));
  }

  /** The extra measure {@link #purgedRatio} compares. */
  public static final String UNTIL_PURGED = "until_purged_ms";

  /** Whether the ratios are of times (units are rows) rather than of rates. */
  public boolean timed() {
    return contestants.stream().allMatch(c -> "rows".equals(c.unit()));
  }
}
