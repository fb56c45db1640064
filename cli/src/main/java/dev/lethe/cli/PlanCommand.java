package dev.lethe.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.plan.ErasureRequest;
import dev.lethe.core.plan.Plan;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Dry run: count exactly what an erasure would do. Changes no data.")
final class PlanCommand implements Callable<Integer> {

  @ParentCommand LetheCommand root;
  @Spec CommandSpec spec;
  @Mixin DatabaseOptions database;
  @Mixin EngineOptions engine;
  @Mixin RequestOptions request;

  @Option(names = "--json", description = "Print the preview as JSON.")
  boolean json;

  @Override
  public Integer call() {
    DataMap map = engine.loadDataMap();
    ErasureRequest erasure = request.toRequest(map);
    try (HikariDataSource dataSource = database.open(root.env())) {
      Lethe lethe = engine.open(dataSource, map, root.env());
      Plan plan = lethe.plan(erasure, List.of());
      PrintWriter out = spec.commandLine().getOut();
      out.print(json ? PreviewJson.write(plan) : PreviewText.write(plan));
      out.flush();
    }
    return ExitCode.OK;
  }
}
