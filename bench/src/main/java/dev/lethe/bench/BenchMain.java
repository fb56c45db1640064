package dev.lethe.bench;

import dev.lethe.bench.engine.ErasureScenario;
import dev.lethe.bench.retention.RetentionScenario;
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
import picocli.CommandLine.Mixin;
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

  @Mixin RetentionOptions retention = new RetentionOptions();

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
    retention.addTo(
        options,
        vendor,
        chosen().stream().allMatch(RetentionScenario.class::isInstance),
        spec.commandLine());
    if (serverJar != null) {
      options.put("server-jar", serverJar.toString());
    }
    return new BenchTarget(url, vendor, benchSize, options);
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
