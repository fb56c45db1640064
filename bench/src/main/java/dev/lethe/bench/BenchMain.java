package dev.lethe.bench;

import dev.lethe.bench.engine.ErasureScenario;
import dev.lethe.bench.retention.RetentionScenario;
import dev.lethe.core.datamap.RetentionRule;
import dev.lethe.core.schema.Vendor;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./lethe bench}: fills the reference platform, runs each scenario's contestants on the same
 * data, prints one line per contestant and Lethe's ratio to each baseline, writes JSON and a plot.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark Lethe against its baselines on the reference platform. Drops and re-creates the"
            + " reference platform's tables in the database given: point it at a scratch database.")
public final class BenchMain implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--db",
      required = true,
      paramLabel = "<jdbc-url>",
      description = "jdbc:postgresql://… or jdbc:mariadb://… (a scratch database)")
  String url;

  @Option(names = "--user", paramLabel = "<user>", description = "Default: postgres or root.")
  String user;

  @Option(names = "--password", paramLabel = "<password>", description = "Default: empty.")
  String password;

  @Option(
      names = "--scenario",
      paramLabel = "<name|all>",
      description = "A scenario's name, or all. Default: ${DEFAULT-VALUE}.")
  String scenario = "all";

  @Option(
      names = "--size",
      paramLabel = "<tiny|small|medium|large>",
      description = "tiny is for tests. Default: ${DEFAULT-VALUE}.")
  String size = "small";

  @Option(names = "--out", paramLabel = "<file>", description = "Write the results as JSON.")
  Path out;

  @Option(names = "--plot", paramLabel = "<file>", description = "Write the ratios as SVG.")
  Path plot;

  @Option(
      names = "--server-jar",
      paramLabel = "<path>",
      description = "The service's jar, for scenarios that run it.")
  Path serverJar;

  @Option(
      names = "--baselines",
      split = ",",
      paramLabel = "<name>",
      description =
          "The erasure scenarios' baselines to run beside Lethe (set-based-sql, row-by-row,"
              + " on-delete-cascade). Default: all of them.")
  List<String> baselines;

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

  @Option(
      names = "--top-statements",
      paramLabel = "<n>",
      description = "For profiling: print each contestant's n statements that took longest.")
  Integer topStatements;

  public static void main(String[] args) {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BenchTarget target = target();
    List<Scenario> chosen = chosen();
    List<ScenarioResult> results = new ArrayList<>();
    for (Scenario each : chosen) {
      if (!each.supports(target)) {
        err.printf("%s: skipped, it does not run on %s%n", each.name(), target.database());
        err.flush();
        continue;
      }
      err.printf("%s on %s (%s)…%n", each.name(), target.describe(), target.size().label());
      err.flush();
      ScenarioResult result = each.run(target);
      results.add(result);
      ResultLines.print(out, result);
    }
    if (this.out != null) {
      ResultsJson.write(this.out, BenchMachine.describe(target), results);
    }
    if (plot != null) {
      Path parent = plot.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(plot, RatioPlot.svg(results));
    }
    return results.isEmpty() ? 1 : 0;
  }

  private BenchTarget target() {
    Vendor vendor;
    BenchSize benchSize;
    try {
      vendor = BenchTarget.vendorOf(url);
      benchSize = BenchSize.valueOf(size.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          e.getMessage().startsWith("unsupported")
              ? e.getMessage()
              : "--size: tiny, small, medium or large");
    }
    Map<String, String> options = new LinkedHashMap<>();
    if (user != null) {
      options.put("user", user);
    }
    if (password != null) {
      options.put("password", password);
    }
    if (topStatements != null) {
      options.put("top-statements", String.valueOf(topStatements));
    }
    if (baselines != null) {
      onlyFor(ErasureScenario.class, "--baselines", "the workspace and contacts scenarios take it");
      for (String name : baselines) {
        if (!ErasureScenario.BASELINES.contains(name)) {
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "--baselines: no baseline named '"
                  + name
                  + "' (baselines: "
                  + String.join(", ", ErasureScenario.BASELINES)
                  + ")");
        }
      }
      options.put("baselines", String.join(",", baselines));
    }
    if (pauses != null) {
      onlyFor(RetentionScenario.class, "--pauses", "the retention scenario takes it");
      for (double ratio : pauses) {
        // 0 would be the unpaced run the scenario has already
        if (!(ratio > 0 && RetentionRule.isPauseRatio(ratio))) {
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "--pauses: each ratio is a number above 0, at most "
                  + (int) RetentionRule.MOST_PAUSE);
        }
      }
      options.put("pauses", String.join(",", pauses.stream().map(String::valueOf).toList()));
    }
    if (pacedRates != null) {
      onlyFor(RetentionScenario.class, "--paced-rates", "the retention scenario takes it");
      pacedOnlyOnMariadb(vendor, "--paced-rates", "multiples of pt-archiver's rate");
      for (double multiple : pacedRates) {
        if (!(multiple > 0 && multiple <= RetentionScenario.MOST_RATE_MULTIPLE)) {
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "--paced-rates: each multiple is a number above 0, at most "
                  + RetentionScenario.MOST_RATE_MULTIPLE);
        }
      }
      options.put(
          "paced-rates", String.join(",", pacedRates.stream().map(String::valueOf).toList()));
    }
    if (pacedRounds != null) {
      onlyFor(RetentionScenario.class, "--paced-rounds", "the retention scenario takes it");
      pacedOnlyOnMariadb(vendor, "--paced-rounds", "rounds between pt-archiver's runs");
      if (pacedRounds < 1 || pacedRounds > RetentionScenario.MOST_ROUNDS) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--paced-rounds: from 1 to " + RetentionScenario.MOST_ROUNDS);
      }
      options.put("paced-rounds", String.valueOf(pacedRounds));
    }
    if (pacedBatch != null) {
      onlyFor(RetentionScenario.class, "--paced-batch", "the retention scenario takes it");
      if (pacedBatch < 1 || pacedBatch > RetentionScenario.MOST_PACED_BATCH) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--paced-batch: from 1 to " + RetentionScenario.MOST_PACED_BATCH + " messages");
      }
      options.put("paced-batch", String.valueOf(pacedBatch));
    }
    if (pacedOnly) {
      onlyFor(RetentionScenario.class, "--paced-only", "the retention scenario takes it");
      if (pauses == null && pacedRates == null && vendor != Vendor.MARIADB) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--paced-only: give --pauses too (only MariaDB has a paced run by default)");
      }
      options.put("paced-only", "true");
    }
    if (withoutFiles) {
      onlyFor(RetentionScenario.class, "--without-files", "the retention scenario takes it");
      options.put("without-files", "true");
    }
    if (serverJar != null) {
      options.put("server-jar", serverJar.toString());
    }
    return new BenchTarget(url, vendor, benchSize, options);
  }

  /**
   * Refuses {@code option} unless given with {@code --paced-only} on MariaDB, where pt-archiver's
   * runs are its measure ({@code why}).
   */
  private void pacedOnlyOnMariadb(Vendor vendor, String option, String why) {
    if (!pacedOnly || vendor != Vendor.MARIADB) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), option + ": only with --paced-only on MariaDB (" + why + ")");
    }
  }

  /** Refuses {@code option} unless every chosen scenario is a {@code kind}: "only {@code who}". */
  private void onlyFor(Class<? extends Scenario> kind, String option, String who) {
    if (!chosen().stream().allMatch(kind::isInstance)) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + ": only " + who);
    }
  }

  private List<Scenario> chosen() {
    if (scenario.equals("all")) {
      return Scenarios.all();
    }
    return List.of(
        Scenarios.named(scenario)
            .orElseThrow(
                () ->
                    new CommandLine.ParameterException(
                        spec.commandLine(),
                        "no scenario named '"
                            + scenario
                            + "' (scenarios: "
                            + String.join(
                                ", ", Scenarios.all().stream().map(Scenario::name).toList())
                            + ", all)")));
  }
}
