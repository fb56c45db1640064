package dev.lethe.bench;

import dev.lethe.bench.retention.RetentionScenario;
import dev.lethe.core.datamap.RetentionRule;
import dev.lethe.core.schema.Vendor;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of {@code ./lethe bench} that only the retention scenario takes, and their checks.
 */
final class RetentionOptions {

  @Option(
      names = "--pauses",
      split = ",",
      paramLabel = "<ratio>",
      description =
          "The retention scenario's paced Lethe runs, one per pause ratio (0 to 100: the wait"
              + " after each batch, in multiples of the batch's time). Default: 1 on MariaDB"
              + " (none with --paced-rates), none on PostgreSQL.")
  List<Double> pauses;

  @Option(
      names = "--paced-rates",
      split = ",",
      paramLabel = "<multiple>",
      description =
          "The retention scenario's rated Lethe runs on MariaDB, with --paced-only: one per"
              + " multiple (above 0, at most "
              + RetentionScenario.MOST_RATE_MULTIPLE
              + "), its rule held to that many times the rows a second pt-archiver --purge"
              + " deleted before them in the same run (max_rows_per_second), no pause ratio.")
  List<Double> pacedRates;

  @Option(
      names = "--paced-rounds",
      paramLabel = "<n>",
      description =
          "The retention scenario's paced and rated Lethe runs on MariaDB, with --paced-only, n"
              + " times over (1 to "
              + RetentionScenario.MOST_ROUNDS
              + "): pt-archiver --purge before the first round, between rounds and after the last,"
              + " each round's rated runs held to the rate of the run just before them. Default:"
              + " 1.")
  Integer pacedRounds;

  @Option(
      names = "--paced-batch",
      paramLabel = "<n>",
      description =
          "The messages per batch of the retention scenario's paced Lethe runs (1 to "
              + RetentionScenario.MOST_PACED_BATCH
              + "). Default: "
              + RetentionScenario.BATCH
              + ", pt-archiver's.")
  Integer pacedBatch;

  @Option(
      names = "--without-files",
      description =
          "The retention scenario's Lethe runs delete the attachments' rows without their files,"
              + " as its baselines do: no file's key recorded, no file deleted.")
  boolean withoutFiles;

  @Option(
      names = "--paced-only",
      description =
          "The retention scenario runs its paced Lethe runs and their baseline only (on MariaDB"
              + " pt-archiver --purge at the paced batch size, before and again after them; on"
              + " PostgreSQL the single DELETE): the writer's latency compared again in a fraction"
              + " of the time.")
  boolean pacedOnly;

  private CommandLine command;
  private boolean retentionOnly;

  /**
   * Checks the options given, for a run on {@code vendor} of scenarios all of them retention ones
   * if {@code retentionOnly}, refusing any that does not hold as {@code command}'s parameter error;
   * adds them to {@code options}, as the scenario reads them.
   */
  void addTo(
      Map<String, String> options, Vendor vendor, boolean retentionOnly, CommandLine command) {
    this.command = command;
    this.retentionOnly = retentionOnly;
    if (pauses != null) {
      retentionOnly("--pauses");
      for (double ratio : pauses) {
        // 0 would be the unpaced run the scenario has already
        if (!(ratio > 0 && RetentionRule.isPauseRatio(ratio))) {
          throw refused(
              "--pauses: each ratio is a number above 0, at most "
                  + (int) RetentionRule.MOST_PAUSE);
        }
      }
      options.put("pauses", String.join(",", pauses.stream().map(String::valueOf).toList()));
    }
    if (pacedRates != null) {
      retentionOnly("--paced-rates");
      pacedOnlyOnMariadb(vendor, "--paced-rates", "multiples of pt-archiver's rate");
      for (double multiple : pacedRates) {
        if (!(multiple > 0 && multiple <= RetentionScenario.MOST_RATE_MULTIPLE)) {
          throw refused(
              "--paced-rates: each multiple is a number above 0, at most "
                  + RetentionScenario.MOST_RATE_MULTIPLE);
        }
      }
      options.put(
          "paced-rates", String.join(",", pacedRates.stream().map(String::valueOf).toList()));
    }
    if (pacedRounds != null) {
      retentionOnly("--paced-rounds");
      pacedOnlyOnMariadb(vendor, "--paced-rounds", "rounds between pt-archiver's runs");
      if (pacedRounds < 1 || pacedRounds > RetentionScenario.MOST_ROUNDS) {
        throw refused("--paced-rounds: from 1 to " + RetentionScenario.MOST_ROUNDS);
      }
      options.put("paced-rounds", String.valueOf(pacedRounds));
    }
    if (pacedBatch != null) {
      retentionOnly("--paced-batch");
      if (pacedBatch < 1 || pacedBatch > RetentionScenario.MOST_PACED_BATCH) {
        throw refused(
            "--paced-batch: from 1 to " + RetentionScenario.MOST_PACED_BATCH + " messages");
      }
      options.put("paced-batch", String.valueOf(pacedBatch));
    }
    if (pacedOnly) {
      retentionOnly("--paced-only");
      if (pauses == null && pacedRates == null && vendor != Vendor.MARIADB) {
        throw refused("--paced-only: give --pauses too (only MariaDB has a paced run by default)");
      }
      options.put("paced-only", "true");
    }
    if (withoutFiles) {
      retentionOnly("--without-files");
      options.put("without-files", "true");
    }
  }

  /** Refuses {@code option} unless every scenario chosen is the retention scenario. */
  private void retentionOnly(String option) {
    if (!retentionOnly) {
      throw refused(option + ": only the retention scenario takes it");
    }
  }

  /**
   * Refuses {@code option} unless given with {@code --paced-only} on MariaDB, where pt-archiver's
   * runs are its measure ({@code why}).
   */
  private void pacedOnlyOnMariadb(Vendor vendor, String option, String why) {
    if (!pacedOnly || vendor != Vendor.MARIADB) {
      throw refused(option + ": only with --paced-only on MariaDB (" + why + ")");
    }
  }

  private CommandLine.ParameterException refused(String message) {
    return new CommandLine.ParameterException(command, message);
  }
}
