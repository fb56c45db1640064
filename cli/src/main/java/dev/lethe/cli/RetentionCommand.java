package dev.lethe.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.retention.RetentionOutcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description = "Apply the data map's retention rules: purge personal data past its age.")
final class RetentionCommand implements Callable<Integer> {

  @ParentCommand LetheCommand root;
  @Spec CommandSpec spec;
  @Mixin DatabaseOptions database;
  @Mixin EngineOptions engine;

  @Option(
      names = "--rule",
      paramLabel = "<name>",
      description = "Apply only this rule (default: every rule).")
  String rule;

  @Override
  public Integer call() {
    DataMap map = engine.loadDataMap();
    List<RetentionOutcome> outcomes;
    try (HikariDataSource dataSource = database.open(root.env())) {
      outcomes =
          engine
              .open(dataSource, map, root.env())
              .sweepRetention(Optional.ofNullable(rule), List.of());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%-32s %-20s %10s %10s %10s %8s %9s%n",
        "rule", "cutoff", "deleted", "detached", "anonymized", "files", "took");
    for (RetentionOutcome outcome : outcomes) {
      out.printf(
          "%-32s %-20s %10d %10d %10d %8d %8dms%n",
          outcome.rule(),
          outcome.cutoff().truncatedTo(ChronoUnit.SECONDS),
          outcome.total(Outcome.DELETED),
          outcome.total(Outcome.DETACHED),
          outcome.total(Outcome.ANONYMIZED),
          outcome.filesDeleted().values().stream().mapToLong(Long::longValue).sum(),
          Duration.between(outcome.startedAt(), outcome.finishedAt()).toMillis());
    }
    if (outcomes.isEmpty()) {
      out.println("the data map has no retention rules");
    }
    out.flush();
    return ExitCode.OK;
  }
}
